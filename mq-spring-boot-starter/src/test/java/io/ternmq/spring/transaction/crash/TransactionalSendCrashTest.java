package io.ternmq.spring.transaction.crash;

import io.ternmq.client.admin.AdminClient;
import io.ternmq.spring.testing.ChildJvm;
import io.ternmq.spring.txtest.Orders;
import io.ternmq.spring.txtest.TopicMessages;
import io.ternmq.spring.txtest.TxContexts;
import io.ternmq.test.EmbeddedBroker;
import io.ternmq.test.EmbeddedMQ;
import io.ternmq.test.db.EmbeddedMySql;
import io.ternmq.test.db.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static io.ternmq.spring.txtest.Eventually.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The producer process killed at each point between half message, local commit and END_TX (one process per
 * {@link CrashPoint}, several orders in flight at the kill): after a surviving process of the same producer group
 * starts, every half message is resolved by the broker's check-back from the transaction-log table, and an order's
 * message is delivered if and only if its row committed, exactly once.
 */
@EmbeddedMySql
@EmbeddedMQ(config = {"defaultTopicQueueNums=1", "transactionTimeOut=300", "transactionCheckInterval=300",
        "transactionCheckMax=200"})
class TransactionalSendCrashTest {
    private static final String LOCAL_TRANSACTION_TIMEOUT = "5s";

    @TempDir
    Path dir;

    @Test
    void everyHalfMessageOfAKilledProducerIsResolvedAndDeliveredIffItsOrderCommitted(TestDatabase db,
                                                                                     EmbeddedBroker broker)
            throws Exception {
        Orders.createTable(db);
        String topic = "orders-" + UUID.randomUUID();
        String group = "pg-crash-" + UUID.randomUUID();
        Map<CrashPoint, List<String>> inFlight = new EnumMap<>(CrashPoint.class);
        for (CrashPoint point : CrashPoint.values()) {
            inFlight.put(point, runUntilHalted(db, broker.address(), group, topic, point));
            assertFalse(inFlight.get(point).isEmpty(), "process for " + point + " halted with orders in flight");
        }

        try (AdminClient admin = AdminClient.create(broker.address())) {
            assertFalse(admin.listTransactions(group).isEmpty(), "the killed processes left half messages");
            TxContexts.runner(db, broker.address())
                    .withPropertyValues("mq.transaction.producer-group=" + group,
                            "mq.transaction.local-transaction-timeout=" + LOCAL_TRANSACTION_TIMEOUT)
                    .run(survivor -> {
                        await("every half message resolved by check-back", Duration.ofSeconds(30),
                                () -> admin.listTransactions(group).isEmpty());
                        Set<String> committed = new TreeSet<>(Orders.committedKeys(db.dataSource()));
                        await(Duration.ofSeconds(10),
                                () -> TopicMessages.keyCounts(broker.address(), topic).keySet().equals(committed),
                                () -> "delivered " + TopicMessages.keyCounts(broker.address(), topic)
                                        + " vs committed " + committed);
                        Map<String, Integer> delivered = TopicMessages.keyCounts(broker.address(), topic);
                        assertEquals(committed, delivered.keySet(), "delivered iff committed");
                        delivered.forEach((key, times) -> assertEquals(1, times, key + " delivered " + times + "x"));

                        // what each crash point must have produced
                        assertTrue(committed.containsAll(inFlight.get(CrashPoint.AFTER_COMMIT_BEFORE_END_TX)),
                                "committed without END_TX, so committed by check-back");
                        for (CrashPoint uncommitted : List.of(CrashPoint.AFTER_HALF_BEFORE_LOG_INSERT,
                                CrashPoint.AFTER_LOG_INSERT_BEFORE_COMMIT)) {
                            Set<String> leaked = new HashSet<>(inFlight.get(uncommitted));
                            leaked.retainAll(committed);
                            assertEquals(Set.of(), leaked, uncommitted + " orders must not commit");
                        }
                        int normalCommitted = CrashingOrderApp.NORMAL / 2 * CrashPoint.values().length;
                        assertEquals(normalCommitted, committed.stream().filter(k -> k.contains("-n")).count(),
                                "the orders placed before the crash: every other one committed");
                    });
        }
    }

    /** Runs one producer process until it halts at {@code point}; returns the orders it reported in flight. */
    private List<String> runUntilHalted(TestDatabase db, String address, String group, String topic,
                                        CrashPoint point) throws Exception {
        Path log = dir.resolve(point + ".log");
        Process process = ChildJvm.of(CrashingOrderApp.class).property("crash.point", point)
                .property("crash.topic", topic).property("crash.prefix", point.ordinal())
                .properties(db.springProperties()).property("mq.broker-address", address)
                .property("mq.transaction.producer-group", group)
                .property("mq.transaction.local-transaction-timeout", LOCAL_TRANSACTION_TIMEOUT)
                .startReadingStdout(log);
        List<String> keys = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                String prefix = "in-flight " + point + " ";
                if (line.startsWith(prefix)) {
                    keys.add(line.substring(prefix.length()));
                }
            }
        }
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the process for " + point + " ended");
        assertEquals(137, process.exitValue(), "halted at " + point + "; its log:\n" + Files.readString(log));
        return keys;
    }
}
