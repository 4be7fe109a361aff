package io.ternmq.client.tx;

import io.ternmq.client.Message;
import io.ternmq.client.consumer.MessageExt;
import io.ternmq.client.producer.LocalTransactionState;
import io.ternmq.client.producer.TransactionListener;
import io.ternmq.client.producer.TransactionProducer;
import io.ternmq.client.producer.TransactionSendResult;
import io.ternmq.test.EmbeddedBroker;
import io.ternmq.test.EmbeddedMQ;
import io.ternmq.protocol.message.TransactionState;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import static io.ternmq.client.tx.TxTestSupport.await;
import static io.ternmq.client.tx.TxTestSupport.readAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The seeds' three cases and the client's check-back path, against an embedded broker over real sockets. */
@EmbeddedMQ(config = {"defaultTopicQueueNums=1", "transactionTimeOut=300", "transactionCheckInterval=300",
        "transactionCheckMax=5"})
class TransactionProducerEndToEndTest {
    private static final Duration WAIT = Duration.ofSeconds(15);

    /** A listener whose execute answer is fixed and whose check answers COMMIT for ids in {@code committed}. */
    private static final class Recorder implements TransactionListener {
        final LocalTransactionState executeAnswer;
        final Set<String> committed = ConcurrentHashMap.newKeySet();
        final AtomicInteger checks = new AtomicInteger();

        Recorder(LocalTransactionState executeAnswer) {
            this.executeAnswer = executeAnswer;
        }

        @Override
        public LocalTransactionState executeLocalTransaction(Message msg, Object arg) {
            return executeAnswer;
        }

        @Override
        public LocalTransactionState checkLocalTransaction(MessageExt msg) {
            checks.incrementAndGet();
            return committed.contains(msg.msgId()) ? LocalTransactionState.COMMIT_MESSAGE
                    : LocalTransactionState.UNKNOW;
        }
    }

    private static TransactionProducer producer(EmbeddedBroker broker, TransactionListener listener) {
        TransactionProducer p = TransactionProducer.builder().clientConfig(TxTestSupport.config(broker.address()))
                .producerGroup(TxTestSupport.unique("pg")).transactionListener(listener).build();
        p.start();
        return p;
    }

    @Test
    void commitIsDeliveredExactlyOnce(EmbeddedBroker broker) {
        String topic = TxTestSupport.unique("orders");
        try (TransactionProducer p = producer(broker, new Recorder(LocalTransactionState.COMMIT_MESSAGE))) {
            TransactionSendResult r = p.sendMessageInTransaction(Message.of(topic, "paid"), null);
            assertEquals(LocalTransactionState.COMMIT_MESSAGE, r.localTransactionState());
            assertTrue(r.endDelivered());
            await("delivered", WAIT, () -> readAll(broker.address(), topic).size() == 1);
            MessageExt m = readAll(broker.address(), topic).get(0);
            assertEquals("paid", m.bodyAsString());
            assertEquals(r.transactionId(), m.msgId());
        }
    }

    @Test
    void rollbackIsNeverDelivered(EmbeddedBroker broker) {
        String topic = TxTestSupport.unique("orders");
        Recorder listener = new Recorder(LocalTransactionState.ROLLBACK_MESSAGE);
        try (TransactionProducer p = producer(broker, listener)) {
            TransactionSendResult r = p.sendMessageInTransaction(Message.of(topic, "cancelled"), null);
            String halfId = r.sendResult().offsetMsgId();
            assertEquals(TransactionState.ROLLED_BACK, broker.broker().transactions().state(halfId));
            assertEquals(List.of(), readAll(broker.address(), topic));
            assertEquals(0, listener.checks.get());
        }
    }

    @Test
    void unknownThenCheckCommits(EmbeddedBroker broker) {
        String topic = TxTestSupport.unique("orders");
        Recorder listener = new Recorder(LocalTransactionState.UNKNOW);
        try (TransactionProducer p = producer(broker, listener)) {
            TransactionSendResult r = p.sendMessageInTransaction(Message.of(topic, "late"), "arg");
            assertEquals(List.of(), readAll(broker.address(), topic), "unknown is not delivered");
            listener.committed.add(r.transactionId()); // the local transaction commits later
            await("check-back committed it", WAIT, () -> readAll(broker.address(), topic).size() == 1);
            assertTrue(listener.checks.get() >= 1);
        }
    }

    @Test
    void anExceptionInTheLocalTransactionLeavesItToTheCheckBack(EmbeddedBroker broker) {
        String topic = TxTestSupport.unique("orders");
        TransactionListener throwing = new TransactionListener() {
            @Override
            public LocalTransactionState executeLocalTransaction(Message msg, Object arg) {
                throw new IllegalStateException("database down");
            }

            @Override
            public LocalTransactionState checkLocalTransaction(MessageExt msg) {
                return LocalTransactionState.ROLLBACK_MESSAGE;
            }
        };
        try (TransactionProducer p = producer(broker, throwing)) {
            TransactionSendResult r = p.sendMessageInTransaction(Message.of(topic, "x"), null);
            assertEquals(LocalTransactionState.UNKNOW, r.localTransactionState());
            String halfId = r.sendResult().offsetMsgId();
            await("rolled back by the check", WAIT,
                    () -> broker.broker().transactions().state(halfId) == TransactionState.ROLLED_BACK);
            assertEquals(List.of(), readAll(broker.address(), topic));
        }
    }

    @Test
    void anotherProducerOfTheGroupAnswersTheCheckAfterTheFirstIsGone(EmbeddedBroker broker) {
        String topic = TxTestSupport.unique("orders");
        String group = TxTestSupport.unique("pg");
        Recorder second = new Recorder(LocalTransactionState.UNKNOW);
        String txId;
        try (TransactionProducer first = TransactionProducer.builder()
                .clientConfig(TxTestSupport.config(broker.address())).producerGroup(group)
                .transactionListener(new Recorder(LocalTransactionState.UNKNOW)).build()) {
            first.start();
            txId = first.sendMessageInTransaction(Message.of(topic, "handed over"), null).transactionId();
        }
        second.committed.add(txId);
        try (TransactionProducer p = TransactionProducer.builder().clientConfig(TxTestSupport.config(broker.address()))
                .producerGroup(group).transactionListener(second).build()) {
            p.start();
            await("the second producer's check committed it", WAIT,
                    () -> readAll(broker.address(), topic).size() == 1);
        }
    }
}
