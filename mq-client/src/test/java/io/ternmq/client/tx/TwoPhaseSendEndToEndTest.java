package io.ternmq.client.tx;

import io.ternmq.client.Message;
import io.ternmq.client.consumer.MessageExt;
import io.ternmq.client.producer.LocalTransactionState;
import io.ternmq.client.producer.SendResult;
import io.ternmq.client.producer.SendStatus;
import io.ternmq.client.producer.TransactionListener;
import io.ternmq.client.producer.TransactionProducer;
import io.ternmq.protocol.message.TransactionState;
import io.ternmq.test.EmbeddedBroker;
import io.ternmq.test.EmbeddedMQ;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static io.ternmq.client.tx.TxTestSupport.await;
import static io.ternmq.client.tx.TxTestSupport.readAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link TransactionProducer#sendHalf} and {@link TransactionProducer#endTransaction} used apart, as a caller that
 * runs its own local transaction does, against an embedded broker over real sockets. The check-back interval is long,
 * so whatever resolves the half message here is the END_TX.
 */
@EmbeddedMQ(config = {"defaultTopicQueueNums=1", "transactionTimeOut=60000", "transactionCheckInterval=60000"})
class TwoPhaseSendEndToEndTest {
    private static final Duration WAIT = Duration.ofSeconds(15);

    /** Fails the test if the producer ever runs the listener's local transaction; counts check-backs. */
    private static final class CheckOnlyListener implements TransactionListener {
        final AtomicInteger checks = new AtomicInteger();

        @Override
        public LocalTransactionState executeLocalTransaction(Message msg, Object arg) {
            throw new AssertionError("sendHalf must not run the local transaction");
        }

        @Override
        public LocalTransactionState checkLocalTransaction(MessageExt msg) {
            checks.incrementAndGet();
            return LocalTransactionState.UNKNOW;
        }
    }

    private static TransactionProducer producer(EmbeddedBroker broker, TransactionListener listener) {
        TransactionProducer p = TransactionProducer.builder().clientConfig(TxTestSupport.config(broker.address()))
                .producerGroup(TxTestSupport.unique("pg")).transactionListener(listener).build();
        p.start();
        return p;
    }

    @Test
    void aHalfMessageIsInvisibleUntilCommittedThenDeliveredOnce(EmbeddedBroker broker) {
        String topic = TxTestSupport.unique("orders");
        CheckOnlyListener listener = new CheckOnlyListener();
        try (TransactionProducer p = producer(broker, listener)) {
            SendResult half = p.sendHalf(Message.builder().topic(topic).body("paid").keys("order-1").build());
            assertEquals(SendStatus.SEND_OK, half.status());
            assertEquals(TransactionState.PENDING, broker.broker().transactions().state(half.offsetMsgId()));
            assertEquals(List.of(), readAll(broker.address(), topic), "a half message is not delivered");

            assertTrue(p.endTransaction(half, LocalTransactionState.COMMIT_MESSAGE));
            await("committed message delivered", WAIT, () -> readAll(broker.address(), topic).size() == 1);
            MessageExt delivered = readAll(broker.address(), topic).get(0);
            assertEquals("paid", delivered.bodyAsString());
            assertEquals(List.of("order-1"), delivered.keys());
            assertEquals(half.msgId(), delivered.msgId(), "the transaction id is the delivered message's id");
            assertEquals(TransactionState.COMMITTED, broker.broker().transactions().state(half.offsetMsgId()));
            assertEquals(0, listener.checks.get());
        }
    }

    @Test
    void aRolledBackHalfMessageIsNeverDelivered(EmbeddedBroker broker) {
        String topic = TxTestSupport.unique("orders");
        try (TransactionProducer p = producer(broker, new CheckOnlyListener())) {
            SendResult half = p.sendHalf(Message.of(topic, "cancelled"));
            assertTrue(p.endTransaction(half, LocalTransactionState.ROLLBACK_MESSAGE));
            assertEquals(TransactionState.ROLLED_BACK, broker.broker().transactions().state(half.offsetMsgId()));
            // a later commit of the same half message must not resurrect it
            p.endTransaction(half, LocalTransactionState.COMMIT_MESSAGE);
            assertEquals(TransactionState.ROLLED_BACK, broker.broker().transactions().state(half.offsetMsgId()));
            SendResult marker = p.sendHalf(Message.of(topic, "marker"));
            assertTrue(p.endTransaction(marker, LocalTransactionState.COMMIT_MESSAGE));
            await("the later marker delivered", WAIT, () -> readAll(broker.address(), topic).size() == 1);
            assertEquals(List.of("marker"), readAll(broker.address(), topic).stream().map(MessageExt::bodyAsString)
                    .toList(), "only the committed marker, never the rolled-back message");
        }
    }

    @Test
    void anEndTransactionThatCannotReachTheBrokerReturnsFalseInsteadOfThrowing(EmbeddedBroker broker) {
        String topic = TxTestSupport.unique("orders");
        TransactionProducer p = producer(broker, new CheckOnlyListener());
        SendResult half = p.sendHalf(Message.of(topic, "lost end"));
        p.close();
        assertFalse(p.endTransaction(half, LocalTransactionState.COMMIT_MESSAGE));
        assertEquals(TransactionState.PENDING, broker.broker().transactions().state(half.offsetMsgId()),
                "left for the check-back");
    }
}
