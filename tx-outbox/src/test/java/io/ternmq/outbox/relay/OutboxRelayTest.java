package io.ternmq.outbox.relay;

import io.ternmq.client.Message;
import io.ternmq.client.consumer.MessageExt;
import io.ternmq.client.producer.Producer;
import io.ternmq.outbox.Await;
import io.ternmq.outbox.MyBatisOutboxDatabase;
import io.ternmq.outbox.OutboxDatabase;
import io.ternmq.outbox.Sql;
import io.ternmq.outbox.schema.SchemaMigrator;
import io.ternmq.test.EmbeddedBroker;
import io.ternmq.test.EmbeddedMQ;
import io.ternmq.test.ManualClock;
import io.ternmq.test.db.EmbeddedMySql;
import io.ternmq.test.db.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import javax.sql.DataSource;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The relay against a real MariaDB and a real broker over sockets. Topics are not created on first send, so a row
 * for a topic that does not exist yet is a real send failure that the test can cure by creating the topic.
 */
@EmbeddedMySql
@EmbeddedMQ(config = {"autoCreateTopicEnable=false", "defaultTopicQueueNums=4"})
class OutboxRelayTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final Duration BACKOFF = Duration.ofSeconds(1);
    private final DataSource ds;
    private final MyBatisOutboxDatabase db;
    private final EmbeddedBroker broker;
    private final ManualClock clock = ManualClock.atFixedStart();
    private final OutboxWriter writer;
    private final Producer producer;

    OutboxRelayTest(TestDatabase database, EmbeddedBroker broker) {
        this.ds = database.dataSource();
        SchemaMigrator.migrate(ds);
        Sql.update(ds, "DELETE FROM mq_outbox");
        this.db = new MyBatisOutboxDatabase(ds);
        this.broker = broker;
        this.writer = new OutboxWriter(db, clock);
        this.producer = BrokerTopics.producer(broker.address());
    }

    @AfterEach
    void closeProducer() {
        producer.close();
    }

    private OutboxRelay.Builder relay() {
        return OutboxRelay.builder().database(db).producer(producer).clock(clock).retryBackoff(BACKOFF);
    }

    private long append(Message message, String hashKey) {
        return db.inTransaction(() -> writer.append(message, hashKey));
    }

    private String topic() {
        String topic = BrokerTopics.unique("orders");
        BrokerTopics.create(broker.address(), topic);
        return topic;
    }

    /** status|attempts|next_attempt_at of a row. */
    private String state(long id) {
        return Sql.column(ds, "SELECT CONCAT_WS('|', status, attempts, next_attempt_at) FROM mq_outbox WHERE id = ?",
                id).get(0);
    }

    private static List<String> bodies(List<MessageExt> messages) {
        return messages.stream().map(MessageExt::bodyAsString).toList();
    }

    @Test
    void sendsCommittedRowsWithTheirContentAndMarksThemSentWithTheBrokersId() {
        String topic = topic();
        Message full = Message.builder().topic(topic).body(new byte[] {0, -128, 127}).tags("paid")
                .keys("order-1", "customer-7").property("orderId", "1").property("note", "a \"quoted\" ü\n").build();
        long id1 = append(full, null);
        long id2 = append(Message.of(topic, "keyed"), "customer-7");
        OutboxRelay relay = relay().build();

        assertEquals(2, relay.relayOnce());

        Map<String, MessageExt> stored = BrokerTopics.readAll(broker.address(), topic).stream()
                .collect(Collectors.toMap(MessageExt::msgId, Function.identity()));
        assertEquals(2, stored.size());
        String msgId1 = Sql.column(ds, "SELECT msg_id FROM mq_outbox WHERE id = ?", id1).get(0);
        MessageExt first = stored.get(msgId1);
        assertArrayEquals(new byte[] {0, -128, 127}, first.body());
        assertEquals("paid", first.tags());
        assertEquals(List.of("order-1", "customer-7"), first.keys());
        assertEquals("1", first.property("orderId"));
        assertEquals("a \"quoted\" ü\n", first.property("note"));
        String msgId2 = Sql.column(ds, "SELECT msg_id FROM mq_outbox WHERE id = ?", id2).get(0);
        assertEquals("keyed", stored.get(msgId2).bodyAsString());
        assertEquals(List.of("SENT|0|2026-03-29 00:30:00.000"), Sql.column(ds,
                "SELECT DISTINCT CONCAT_WS('|', status, attempts, sent_at) FROM mq_outbox"));
        assertEquals(0, relay.relayOnce(), "nothing is sent twice");
    }

    @Test
    void aDelayLevelReachesTheBroker() {
        String topic = topic();
        append(Message.builder().topic(topic).body("later").delayLevel(2).build(), null); // level 2: 5 s
        assertEquals(1, relay().build().relayOnce());
        assertEquals(List.of(), BrokerTopics.readAll(broker.address(), topic), "held back by the broker");
        Await.until("the delayed message delivered", WAIT,
                () -> bodies(BrokerTopics.readAll(broker.address(), topic)).equals(List.of("later")));
    }

    @Test
    void aRolledBackWriteIsNeverRelayed() {
        String topic = topic();
        assertThrows(IllegalStateException.class, () -> db.inTransaction(() -> {
            writer.append(Message.of(topic, "cancelled"), null);
            throw new IllegalStateException("business rule");
        }));
        append(Message.of(topic, "committed"), null);
        assertEquals(1, relay().build().relayOnce());
        assertEquals(List.of("committed"), bodies(BrokerTopics.readAll(broker.address(), topic)));
        assertEquals(1, Sql.number(ds, "SELECT COUNT(*) FROM mq_outbox"));
    }

    @Test
    void appendingOutsideATransactionIsRefused() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> writer.append(Message.of("orders", "x"), null));
        assertTrue(e.getMessage().startsWith("OutboxWriter.append(orders) must run inside the local transaction"));
        assertEquals(0, Sql.number(ds, "SELECT COUNT(*) FROM mq_outbox"));
    }

    @Test
    void aFailedRowHoldsBackLaterRowsOfItsKeyOnlyAndOrderIsKeptAfterTheRetry() {
        String missing = BrokerTopics.unique("not_yet");
        String other = topic();
        long a1 = append(Message.of(missing, "a1"), "customer-a");
        long a2 = append(Message.of(missing, "a2"), "customer-a");
        long b1 = append(Message.of(other, "b1"), "customer-b");
        long plain = append(Message.of(other, "plain"), null);
        OutboxRelay relay = relay().build();

        assertEquals(0, relay.relayOnce(), "the first row fails and ends the round");
        assertEquals("PENDING|1|2026-03-29 00:30:01.000", state(a1));
        assertTrue(Sql.column(ds, "SELECT last_error FROM mq_outbox WHERE id = ?", a1).get(0).contains("TOPIC_NOT_EXIST"));
        assertEquals("PENDING|0|2026-03-29 00:30:00.000", state(b1), "not tried in the failed round");

        assertEquals(2, relay.relayOnce(), "other keys and rows without a key go on");
        assertEquals("PENDING|0|2026-03-29 00:30:00.000", state(a2), "held back behind a1, not attempted");
        assertEquals(List.of("SENT", "SENT"), Sql.column(ds, "SELECT status FROM mq_outbox WHERE id IN (?, ?)", b1,
                plain));

        BrokerTopics.create(broker.address(), missing);
        assertEquals(0, relay.relayOnce(), "a1 waits for its back-off and a2 for a1");
        clock.advance(BACKOFF);
        assertEquals(2, relay.relayOnce());
        assertEquals(List.of("a1", "a2"), bodies(BrokerTopics.readAll(broker.address(), missing)), "in id order");
        assertEquals("SENT|1", Sql.column(ds, "SELECT CONCAT_WS('|', status, attempts) FROM mq_outbox WHERE id = ?",
                a1).get(0));
    }

    @Test
    void retriesWithADoublingBackOffAndParksTheRowAsFailedAfterMaxAttempts() {
        String missing = BrokerTopics.unique("never");
        long id = append(Message.of(missing, "x"), "customer-a");
        long behind = append(Message.of(missing, "y"), "customer-a");
        OutboxRelay relay = relay().maxAttempts(4).build();

        relay.relayOnce();
        assertEquals("PENDING|1|2026-03-29 00:30:01.000", state(id));
        clock.advance(Duration.ofMillis(999));
        relay.relayOnce();
        assertEquals("PENDING|1|2026-03-29 00:30:01.000", state(id), "not due before its back-off");
        clock.advance(Duration.ofMillis(1));
        relay.relayOnce();
        assertEquals("PENDING|2|2026-03-29 00:30:03.000", state(id), "then 2 s");
        clock.advance(Duration.ofSeconds(2));
        relay.relayOnce();
        assertEquals("PENDING|3|2026-03-29 00:30:07.000", state(id), "then 4 s");
        clock.advance(Duration.ofSeconds(4));
        relay.relayOnce();
        assertEquals("FAILED|4|2026-03-29 00:30:15.000", state(id), "parked after the fourth attempt");

        BrokerTopics.create(broker.address(), missing);
        clock.advance(Duration.ofDays(1));
        assertEquals(0, relay.relayOnce());
        assertEquals("FAILED|4|2026-03-29 00:30:15.000", state(id), "a FAILED row is left to an operator");
        assertEquals("PENDING|0|2026-03-29 00:30:00.000", state(behind), "and holds its key back");

        Sql.update(ds, "UPDATE mq_outbox SET status = 'PENDING', attempts = 0 WHERE id = ?", id);
        assertEquals(2, relay.relayOnce(), "an operator's reset sends both, in order");
        assertEquals(List.of("x", "y"), bodies(BrokerTopics.readAll(broker.address(), missing)));
    }

    @Test
    void cleanUpDeletesSentRowsOlderThanTheRetentionOnly() {
        String topic = topic();
        OutboxRelay relay = relay().retention(Duration.ofHours(1)).maxAttempts(1).build();
        long old = append(Message.of(topic, "old"), null);
        relay.relayOnce();
        clock.advance(Duration.ofMinutes(30));
        long recent = append(Message.of(topic, "recent"), null);
        long failed = append(Message.of(BrokerTopics.unique("never"), "failed"), null);
        relay.relayOnce();
        relay.relayOnce();
        assertEquals("FAILED", state(failed).split("\\|")[0]);
        clock.advance(Duration.ofMinutes(31));

        assertEquals(0, relay.relayOnce());

        assertEquals(List.of(Long.toString(recent), Long.toString(failed)),
                Sql.column(ds, "SELECT id FROM mq_outbox ORDER BY id"), "row " + old + " is gone");
    }

    @Test
    void aRowLockedByAnotherRelayIsSkippedNotWaitedFor() throws Exception {
        String topic = topic();
        long locked = append(Message.of(topic, "locked"), null);
        long free = append(Message.of(topic, "free"), null);
        OutboxRelay relay = relay().build();
        try (Connection other = ds.getConnection(); PreparedStatement lock = other.prepareStatement(
                "SELECT id FROM mq_outbox WHERE id = ? FOR UPDATE")) {
            other.setAutoCommit(false);
            lock.setLong(1, locked);
            lock.executeQuery().close();
            assertEquals(1, relay.relayOnce());
            assertEquals("PENDING", state(locked).split("\\|")[0]);
            assertEquals("SENT", state(free).split("\\|")[0]);
            other.commit();
        }
        assertEquals(1, relay.relayOnce());
        assertEquals(List.of("free", "locked"), bodies(BrokerTopics.readAll(broker.address(), topic)).stream()
                .sorted().toList());
    }

    /**
     * The documented at-least-once case: the broker stored the message, then the round's commit never happened (a
     * crash or a lost connection). The row is still PENDING and the next round sends it again.
     */
    @Test
    void aRoundWhoseCommitIsLostAfterTheAckSendsTheRowAgain() {
        String topic = topic();
        long id = append(Message.of(topic, "once or twice"), null);
        LosesOneCommit flaky = new LosesOneCommit(db);
        OutboxRelay relay = OutboxRelay.builder().database(flaky).producer(producer).clock(clock).build();

        assertThrows(IllegalStateException.class, relay::relayOnce);
        assertEquals("PENDING|0|2026-03-29 00:30:00.000", state(id), "the SENT mark was rolled back");
        assertEquals(1, relay.relayOnce());

        List<MessageExt> stored = BrokerTopics.readAll(broker.address(), topic);
        assertEquals(List.of("once or twice", "once or twice"), bodies(stored));
        assertEquals(stored.get(1).msgId(), Sql.column(ds, "SELECT msg_id FROM mq_outbox WHERE id = ?", id).get(0),
                "the row keeps the id of the send that committed");
    }

    /** The test's database, except that the first transaction fails at its end, as if the process died there. */
    private static final class LosesOneCommit implements OutboxDatabase {
        private final OutboxDatabase db;
        private boolean lost;

        LosesOneCommit(OutboxDatabase db) {
            this.db = db;
        }

        @Override
        public <M> M mapper(Class<M> type) {
            return db.mapper(type);
        }

        @Override
        public <T> T inTransaction(Supplier<T> work) {
            return db.inTransaction(() -> {
                T result = work.get();
                if (!lost) {
                    lost = true;
                    throw new IllegalStateException("connection lost before the commit");
                }
                return result;
            });
        }

        @Override
        public boolean inTransaction() {
            return db.inTransaction();
        }
    }

    @Test
    void relayOnceInsideATransactionIsRefused() {
        OutboxRelay relay = relay().build();
        assertThrows(IllegalStateException.class, () -> db.inTransaction(relay::relayOnce));
    }

    @Test
    void theStartedRelaySendsWhatIsCommittedUntilClosed() {
        String topic = topic();
        OutboxRelay relay = relay().pollInterval(Duration.ofMillis(20)).build();
        relay.start();
        try {
            for (int i = 0; i < 5; i++) {
                append(Message.of(topic, "m" + i), "k");
            }
            Await.until("all rows SENT", WAIT,
                    () -> Sql.number(ds, "SELECT COUNT(*) FROM mq_outbox WHERE status = 'SENT'") == 5);
        } finally {
            relay.close();
        }
        assertEquals(List.of("m0", "m1", "m2", "m3", "m4"), bodies(BrokerTopics.readAll(broker.address(), topic)));
        assertThrows(IllegalStateException.class, relay::start);
    }

    @Test
    void twoRelaysOnOneTableNeverSendARowTwiceAndKeepEachKeysOrder() throws Exception {
        String topic = topic();
        int rows = 200;
        db.inTransaction(() -> {
            for (int i = 0; i < rows; i++) {
                String key = i % 3 == 0 ? null : "customer-" + (i % 7);
                writer.append(Message.builder().topic(topic).body(Integer.toString(i))
                        .property("key", key == null ? "-" : key).build(), key);
            }
            return null;
        });
        try (Producer second = BrokerTopics.producer(broker.address())) {
            OutboxRelay one = relay().batchSize(7).build();
            OutboxRelay two = OutboxRelay.builder().database(new MyBatisOutboxDatabase(ds)).producer(second)
                    .clock(clock).batchSize(7).build();
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                Future<Integer> sentByOne = pool.submit(() -> drain(one));
                Future<Integer> sentByTwo = pool.submit(() -> drain(two));
                int total = sentByOne.get(60, TimeUnit.SECONDS)
                        + sentByTwo.get(60, TimeUnit.SECONDS);
                assertEquals(rows, total, "rows marked SENT by the two relays together");
            } finally {
                pool.shutdownNow();
            }
        }
        List<MessageExt> stored = BrokerTopics.readAll(broker.address(), topic);
        Map<String, Long> deliveries = stored.stream()
                .collect(Collectors.groupingBy(MessageExt::bodyAsString, Collectors.counting()));
        assertEquals(rows, deliveries.size());
        assertTrue(deliveries.values().stream().allMatch(n -> n == 1), "every row stored exactly once");
        // stored is queue by queue in offset order; a key's rows share a queue and must appear in id order
        Map<String, List<Integer>> perKey = stored.stream().filter(m -> !m.property("key").equals("-"))
                .collect(Collectors.groupingBy(m -> m.property("key"),
                        Collectors.mapping(m -> Integer.parseInt(m.bodyAsString()), Collectors.toList())));
        assertEquals(7, perKey.size());
        perKey.forEach((key, ids) -> assertEquals(ids.stream().sorted(Comparator.naturalOrder()).toList(), ids, key));
        assertEquals(0, Sql.number(ds, "SELECT COUNT(*) FROM mq_outbox WHERE status <> 'SENT'"));
    }

    /** Runs rounds until no row is PENDING; returns how many rows this relay sent. */
    private int drain(OutboxRelay relay) {
        int sent = 0;
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (Sql.number(ds, "SELECT COUNT(*) FROM mq_outbox WHERE status = 'PENDING'") > 0) {
            assertFalse(System.nanoTime() > deadline, "rows still PENDING after " + WAIT);
            sent += relay.relayOnce();
        }
        return sent;
    }
}
