package io.ternmq.broker.tx;

import io.ternmq.broker.Broker;
import io.ternmq.broker.store.AppendRequest;
import io.ternmq.broker.store.MessageDraft;
import io.ternmq.broker.testing.TestBrokers;
import io.ternmq.protocol.ErrorCode;
import io.ternmq.protocol.command.Commands;
import io.ternmq.protocol.command.QueryMessages;
import io.ternmq.protocol.command.Transactions;
import io.ternmq.protocol.message.MessageProperties;
import io.ternmq.protocol.message.MessageView;
import io.ternmq.protocol.message.TransactionResolution;
import io.ternmq.protocol.message.TransactionState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.ternmq.broker.testing.Conditions.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Transactional messages against a real broker over real sockets, with check-back timing shortened by config. */
class TransactionEndToEndTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String[] FAST_CHECKS = {"transactionTimeOut=200", "transactionCheckInterval=200",
            "transactionCheckMax=3"};
    private static final String[] NO_CHECKS = {"transactionTimeOut=600000"};

    @TempDir
    Path dir;
    Broker broker;

    @AfterEach
    void stop() {
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void commitDeliversTheMessageExactlyOnceAndARepeatedCommitStoresNothing() throws Exception {
        broker = TestBrokers.start(dir, NO_CHECKS);
        try (TxClient client = new TxClient(broker.nativePort()).heartbeat("p1")) {
            String half = client.sendHalf("orders", "tx-1", "paid");
            assertEquals(List.of(), client.readAll("orders"), "a half message is invisible");
            assertEquals(TransactionState.COMMITTED, TxClient.state(client.end(half, TransactionResolution.COMMIT)));
            await("commit delivered", WAIT, () -> delivered(client, "orders") == 1);
            assertEquals(TransactionState.COMMITTED, TxClient.state(client.end(half, TransactionResolution.COMMIT)));
            MessageView m = client.readAll("orders").get(0);
            assertEquals("paid", new String(m.body()));
            assertEquals(half, m.properties().get(MessageProperties.TRANSACTION_HALF_MESSAGE_ID));
            assertEquals("tx-1", m.uniqueId());
            assertEquals(1, delivered(client, "orders"));
            assertEquals(ErrorCode.INVALID_ARGUMENT, client.end(half, TransactionResolution.ROLLBACK).status());
        }
    }

    @Test
    void rollbackIsNeverDelivered() throws Exception {
        broker = TestBrokers.start(dir, FAST_CHECKS);
        try (TxClient client = new TxClient(broker.nativePort()).heartbeat("p1")) {
            String half = client.sendHalf("orders", "tx-2", "cancelled");
            assertEquals(TransactionState.ROLLED_BACK,
                    TxClient.state(client.end(half, TransactionResolution.ROLLBACK)));
            assertThrows(SocketTimeoutException.class,
                    () -> client.answerCheck(TransactionResolution.COMMIT, Duration.ofMillis(800)),
                    "a rolled back transaction is never checked");
            assertEquals(List.of(), client.readAll("orders"));
            assertEquals(ErrorCode.INVALID_ARGUMENT, client.end(half, TransactionResolution.COMMIT).status());
        }
    }

    @Test
    void unknownIsCheckedBackAndTheCheckAnswerCommits() throws Exception {
        broker = TestBrokers.start(dir, FAST_CHECKS);
        try (TxClient client = new TxClient(broker.nativePort()).heartbeat("p1")) {
            String half = client.sendHalf("orders", "tx-3", "late");
            assertEquals(TransactionState.PENDING, TxClient.state(client.end(half, TransactionResolution.UNKNOWN)));
            Transactions.CheckRequest check = client.answerCheck(TransactionResolution.COMMIT, WAIT);
            assertEquals(half, check.halfMessageId());
            assertEquals("tx-3", check.transactionId());
            assertEquals("orders", check.message().topic(), "the check shows the real topic");
            assertEquals(1, check.checkTimes());
            await("check answer delivered", WAIT, () -> delivered(client, "orders") == 1);
            await("resolved", WAIT, () -> broker.transactions().state(half) == TransactionState.COMMITTED);
        }
    }

    @Test
    void withNoProducerOnlineTheCheckWaitsForOneToConnect() throws Exception {
        broker = TestBrokers.start(dir, FAST_CHECKS);
        String half;
        try (TxClient sender = new TxClient(broker.nativePort())) { // no heartbeat: not a live producer
            half = sender.sendHalf("orders", "tx-4", "x");
        }
        Thread.sleep(1_000); // five check intervals with nobody to ask
        assertEquals(TransactionState.PENDING, broker.transactions().state(half));
        try (TxClient late = new TxClient(broker.nativePort()).heartbeat("p2")) {
            Transactions.CheckRequest check = late.answerCheck(TransactionResolution.COMMIT, WAIT);
            assertEquals(1, check.checkTimes(), "checks without a producer were not counted");
            await("delivered", WAIT, () -> delivered(late, "orders") == 1);
        }
    }

    @Test
    void unknownForeverIsParkedVisibleAndResolvableByAnOperator() throws Exception {
        broker = TestBrokers.start(dir, FAST_CHECKS);
        try (TxClient client = new TxClient(broker.nativePort()).heartbeat("p1")) {
            String half = client.sendHalf("orders", "tx-5", "stuck");
            for (int i = 1; i <= 3; i++) {
                assertEquals(i, client.answerCheck(TransactionResolution.UNKNOWN, WAIT).checkTimes());
            }
            await("parked", WAIT, () -> broker.transactions().state(half) == TransactionState.PARKED);
            assertEquals(List.of(half), broker.transactions().parked().stream().map(HalfMessage::halfId).toList());
            // The parked copy is queryable once dispatched, which may be just after the state changed.
            await("parked copy indexed", WAIT, () -> parkedCopies(client).size() == 1);
            List<MessageView> parked = parkedCopies(client);
            assertEquals(1, parked.size());
            assertEquals(half, parked.get(0).properties().get(MessageProperties.TRANSACTION_HALF_MESSAGE_ID));
            assertEquals("3", parked.get(0).properties().get(MessageProperties.TRANSACTION_CHECK_TIMES));
            assertThrows(SocketTimeoutException.class,
                    () -> client.answerCheck(TransactionResolution.COMMIT, Duration.ofMillis(600)),
                    "parked messages are not checked any more");
            try (TxClient operator = new TxClient(broker.nativePort())) {
                assertEquals(TransactionState.COMMITTED,
                        TxClient.state(operator.end(half, TransactionResolution.COMMIT)));
                await("delivered", WAIT, () -> delivered(operator, "orders") == 1);
            }
        }
    }

    private static List<MessageView> parkedCopies(TxClient client) {
        try {
            return client.raw.call(Commands.QUERY_MESSAGE_BY_TIME, new QueryMessages.ByTime(
                    TransactionTopics.PARKED_TOPIC, 0L, Long.MAX_VALUE, 10)).ok().messages();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void pendingHalfMessagesSurviveARestartAndAreCheckedAndCommittedOnce() throws Exception {
        broker = TestBrokers.start(dir, NO_CHECKS);
        int port = broker.nativePort();
        String half;
        try (TxClient client = new TxClient(port).heartbeat("p1")) {
            half = client.sendHalf("orders", "tx-6", "survivor");
        }
        broker.close();
        broker = TestBrokers.start(dir, port, FAST_CHECKS);
        assertEquals(TransactionState.PENDING, broker.transactions().state(half));
        try (TxClient client = new TxClient(port).heartbeat("p1")) {
            client.answerCheck(TransactionResolution.COMMIT, WAIT);
            await("delivered", WAIT, () -> delivered(client, "orders") == 1);
        }
        broker.close();
        broker = TestBrokers.start(dir, port, FAST_CHECKS);
        try (TxClient client = new TxClient(port).heartbeat("p1")) {
            assertEquals(TransactionState.COMMITTED, broker.transactions().state(half));
            assertEquals(TransactionState.COMMITTED, TxClient.state(client.end(half, TransactionResolution.COMMIT)));
            assertEquals(1, delivered(client, "orders"));
        }
    }

    @Test
    void checkCountsSurviveARestart() throws Exception {
        broker = TestBrokers.start(dir, FAST_CHECKS);
        int port = broker.nativePort();
        String half;
        try (TxClient client = new TxClient(port).heartbeat("p1")) {
            half = client.sendHalf("orders", "tx-7", "x");
            client.answerCheck(TransactionResolution.UNKNOWN, WAIT);
            client.answerCheck(TransactionResolution.UNKNOWN, WAIT);
        }
        broker.close();
        broker = TestBrokers.start(dir, port, FAST_CHECKS);
        try (TxClient client = new TxClient(port).heartbeat("p1")) {
            assertEquals(3, client.answerCheck(TransactionResolution.UNKNOWN, WAIT).checkTimes());
            await("parked after the third check", WAIT,
                    () -> broker.transactions().state(half) == TransactionState.PARKED);
        }
    }

    @Test
    void aCommitInterruptedAfterTheRealMessageIsCompletedAtStartUpWithoutASecondCopy() throws Exception {
        broker = TestBrokers.start(dir, NO_CHECKS);
        int port = broker.nativePort();
        String half;
        try (TxClient client = new TxClient(port).heartbeat("p1")) {
            half = client.sendHalf("orders", "tx-8", "once");
        }
        // what a crash between the real message and the COMMIT record leaves behind
        MessageDraft real = MessageDraft.of("once".getBytes(), Map.of(MessageProperties.UNIQ_KEY, "tx-8",
                MessageProperties.TRANSACTION_HALF_MESSAGE_ID, half), 1L);
        assertTrue(broker.core().messages().append(AppendRequest.single("orders", 0, real)).get().ok());
        broker.close();
        broker = TestBrokers.start(dir, port, NO_CHECKS);
        assertEquals(TransactionState.COMMITTED, broker.transactions().state(half));
        try (TxClient client = new TxClient(port).heartbeat("p1")) {
            assertEquals(TransactionState.COMMITTED, TxClient.state(client.end(half, TransactionResolution.COMMIT)));
            assertEquals(1, delivered(client, "orders"));
        }
    }

    @Test
    void endTxFromAnotherProducerGroupOrForAnUnknownIdIsRefused() throws Exception {
        broker = TestBrokers.start(dir, NO_CHECKS);
        try (TxClient client = new TxClient(broker.nativePort()).heartbeat("p1")) {
            String half = client.sendHalf("orders", "tx-9", "x");
            assertEquals(ErrorCode.INVALID_ARGUMENT, client.raw.call(Commands.END_TX, new Transactions.EndRequest(
                    "other-group", null, half, TransactionResolution.COMMIT, false)).status());
            assertEquals(ErrorCode.QUERY_NOT_FOUND, client.end("00000000DEADBEEF", TransactionResolution.COMMIT)
                    .status());
            assertEquals(TransactionState.PENDING, broker.transactions().state(half));
        }
    }

    private static int delivered(TxClient client, String topic) {
        try {
            return client.readAll(topic).size();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
