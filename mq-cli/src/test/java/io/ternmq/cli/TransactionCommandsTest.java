package io.ternmq.cli;

import io.ternmq.client.ClientConfig;
import io.ternmq.client.Message;
import io.ternmq.client.consumer.MessageExt;
import io.ternmq.client.producer.LocalTransactionState;
import io.ternmq.client.producer.TransactionListener;
import io.ternmq.client.producer.TransactionProducer;
import io.ternmq.client.producer.TransactionSendResult;
import io.ternmq.test.EmbeddedBroker;
import io.ternmq.test.EmbeddedMQ;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import static io.ternmq.cli.CliRun.eventually;
import static io.ternmq.cli.CliRun.mqadmin;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Short check-back settings, so a half message nobody resolves is parked within a second or two. */
@EmbeddedMQ(config = {"defaultTopicQueueNums=1", "transactionTimeOut=200", "transactionCheckInterval=200",
        "transactionCheckMax=2"})
class TransactionCommandsTest {
    private static final Duration WAIT = Duration.ofSeconds(20);

    @Test
    void aParkedTransactionIsListedAndCommittedByAnOperatorExactlyOnce(EmbeddedBroker broker) throws Exception {
        String address = broker.address();
        AtomicInteger checks = new AtomicInteger();
        try (TransactionProducer producer = undecidedProducer(address, "pg-parked", checks)) {
            TransactionSendResult sent = producer.sendMessageInTransaction(
                    Message.builder().topic("TxParked").body("paid").build(), null);
            String halfId = sent.sendResult().offsetMsgId();

            CliRun parked = eventually(WAIT, r -> r.out().contains("\"state\": \"PARKED\""), address,
                    "-o", "json", "txList", "-g", "pg-parked", "--parked");
            assertEquals(ExitCode.OK, parked.exitCode(), parked::toString);
            assertEquals(1, parked.jsonNumber("transactions"), parked::toString);
            assertEquals(halfId, parked.jsonString("halfMsgId"));
            assertEquals(sent.transactionId(), parked.jsonString("transactionId"));
            assertEquals("TxParked", parked.jsonString("topic"));
            assertEquals(2, parked.jsonNumber("checkTimes"), parked::toString);
            assertTrue(checks.get() >= 2, "the producer was checked back before parking: " + checks.get());
            assertEquals(0, readable(address, "TxParked"), "a parked half message is not delivered");

            CliRun commit = mqadmin(address, "-o", "json", "txResolve", "-g", "pg-parked", "-i", halfId,
                    "-x", sent.transactionId(), "--commit");
            assertEquals(ExitCode.OK, commit.exitCode(), commit::toString);
            assertEquals("COMMITTED", commit.jsonString("state"));
            CliRun again = mqadmin(address, "-o", "json", "txResolve", "-g", "pg-parked", "-i", halfId, "--commit");
            assertEquals("COMMITTED", again.jsonString("state"), "repeating a commit is harmless: " + again);

            CliRun delivered = eventually(WAIT, r -> r.out().contains("\"messages\": 1"), address,
                    "-o", "json", "consumeMessage", "-t", "TxParked");
            assertTrue(delivered.out().contains("paid"), delivered::toString);
            assertEquals(sent.transactionId(), delivered.jsonString("msgId"));
            assertEquals(1, readable(address, "TxParked"), "committed exactly once");

            CliRun listed = mqadmin(address, "-o", "json", "txList", "-g", "pg-parked");
            assertEquals(0, listed.jsonNumber("transactions"), listed::toString);
        }
    }

    @Test
    void aPendingTransactionIsListedAndARollbackDiscardsIt(EmbeddedBroker broker) throws Exception {
        String address = broker.address();
        try (TransactionProducer producer = undecidedProducer(address, "pg-pending", new AtomicInteger())) {
            TransactionSendResult sent = producer.sendMessageInTransaction(
                    Message.builder().topic("TxPending").body("maybe").build(), null);
            String halfId = sent.sendResult().offsetMsgId();

            CliRun listed = mqadmin(address, "-o", "json", "txList", "-g", "pg-pending");
            assertEquals(ExitCode.OK, listed.exitCode(), listed::toString);
            assertEquals(halfId, listed.jsonString("halfMsgId"), listed::toString);

            CliRun rollback = mqadmin(address, "-o", "json", "txResolve", "-g", "pg-pending", "-i", halfId,
                    "--rollback");
            assertEquals(ExitCode.OK, rollback.exitCode(), rollback::toString);
            assertEquals("ROLLED_BACK", rollback.jsonString("state"));
            CliRun contradict = mqadmin(address, "txResolve", "-g", "pg-pending", "-i", halfId, "--commit");
            assertEquals(ExitCode.BROKER_ERROR, contradict.exitCode(), contradict::toString);
            assertEquals(0, readable(address, "TxPending"), "a rolled back message is never delivered");
        }
    }

    @Test
    void resolvingWithTheWrongProducerGroupIsRefused(EmbeddedBroker broker) {
        String address = broker.address();
        try (TransactionProducer producer = undecidedProducer(address, "pg-owner", new AtomicInteger())) {
            TransactionSendResult sent = producer.sendMessageInTransaction(
                    Message.builder().topic("TxOwned").body("mine").build(), null);

            CliRun wrong = mqadmin(address, "txResolve", "-g", "pg-other", "-i", sent.sendResult().offsetMsgId(),
                    "--commit");
            assertEquals(ExitCode.BROKER_ERROR, wrong.exitCode(), wrong::toString);
            assertTrue(wrong.err().contains("pg-owner"), wrong::toString);
        }
    }

    @Test
    void txResolveNeedsExactlyOneOfCommitAndRollback(EmbeddedBroker broker) {
        CliRun neither = mqadmin(broker.address(), "txResolve", "-g", "pg", "-i", "ID");
        assertEquals(ExitCode.USAGE, neither.exitCode(), neither::toString);
        CliRun both = mqadmin(broker.address(), "txResolve", "-g", "pg", "-i", "ID", "--commit", "--rollback");
        assertEquals(ExitCode.USAGE, both.exitCode(), both::toString);
        assertFalse(both.err().isEmpty());
    }

    /** A producer whose local transaction and every check-back answer UNKNOW, as if its outcome were lost. */
    private static TransactionProducer undecidedProducer(String address, String group, AtomicInteger checks) {
        TransactionProducer producer = TransactionProducer.builder().clientConfig(ClientConfig.of(address))
                .producerGroup(group).transactionListener(new TransactionListener() {
                    @Override
                    public LocalTransactionState executeLocalTransaction(Message msg, Object arg) {
                        return LocalTransactionState.UNKNOW;
                    }

                    @Override
                    public LocalTransactionState checkLocalTransaction(MessageExt msg) {
                        checks.incrementAndGet();
                        return LocalTransactionState.UNKNOW;
                    }
                }).build();
        producer.start();
        return producer;
    }

    /** Messages stored in the topic's queues now (0 when the topic does not exist yet). */
    private static long readable(String address, String topic) {
        CliRun read = mqadmin(address, "-o", "json", "consumeMessage", "-t", topic);
        return read.exitCode() == ExitCode.OK ? read.jsonNumber("messages") : 0;
    }
}
