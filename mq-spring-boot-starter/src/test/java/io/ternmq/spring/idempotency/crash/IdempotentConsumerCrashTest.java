package io.ternmq.spring.idempotency.crash;

import io.ternmq.client.admin.AdminClient;
import io.ternmq.outbox.schema.SchemaMigrator;
import io.ternmq.spring.idempotency.crash.ConsumedOrders.Recorded;
import io.ternmq.spring.support.ConsumerLagReader;
import io.ternmq.spring.testing.TestTopics;
import io.ternmq.test.EmbeddedBroker;
import io.ternmq.test.EmbeddedMQ;
import io.ternmq.test.db.EmbeddedMySql;
import io.ternmq.test.db.TestDatabase;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Business-key idempotency across crashes: consumer processes ({@link IdempotentOrderConsumerApp}, a Spring Boot
 * application with a {@code @Transactional @MQListener(idempotencyKey = "#payload.orderId")}) are killed with SIGKILL
 * while they have listener calls in flight, again and again, sometimes two of them in the group at once, while a
 * producer keeps sending orders, a fifth of them twice. The business table has no unique key, yet in the end it holds
 * every order exactly once, and the duplicate counter shows that messages were delivered again after the kills.
 *
 * <p>A process is killed once it committed a random number of orders (1 to {@value #MAX_COMMITS_BEFORE_KILL}) and
 * has a listener call in flight. The kill counts when its event file, read after it died, still shows a call started
 * whose transaction did not end; kills go on until {@code -Dcrash.cycles=N} (default 20) such kills happened. Then
 * the feed stops, and one last process drains the topic and is stopped gracefully. {@code -Dcrash.seed} replays a
 * run's random choices (the seed is printed when the test starts); the processes' timing stays real.
 *
 * <p>Run alone with {@code -Dtest=IdempotentConsumerCrashTest} or {@code -Dgroups=crash}.
 */
@Tag("crash")
@EmbeddedMySql
@EmbeddedMQ(config = "messageDelayLevel=1s 1s 1s 1s 1s 1s 1s 1s 1s 1s 1s 1s 1s 1s 1s 1s 1s 1s") // quick retries
class IdempotentConsumerCrashTest {
    /** The feed sends until the kills are over, and at least this many orders. */
    private static final int MIN_ORDERS = 400;
    private static final int QUEUES = 4;
    /** Between two sends: more than the killed processes consume on average, so they never run out of work. */
    private static final Duration PACE = Duration.ofMillis(60);
    /** A process is killed after committing 1 to this many orders. */
    private static final int MAX_COMMITS_BEFORE_KILL = 12;
    /** Every few rounds two processes run at once, and are killed one after the other. */
    private static final int PAIR_EVERY = 4;
    /** Kills that found no call in flight (a call can end between the look and the kill) do not count. */
    private static final int SPARE_KILLS = 10;

    @TempDir
    Path dir;

    private final List<EndedConsumer> ended = new ArrayList<>();

    @Test
    void everyOrderIsRecordedOnceThoughConsumersAreKilledMidBatchAndRedeliveriesAreSkippedAsDuplicates(
            TestDatabase db, EmbeddedBroker broker) throws Exception {
        long began = System.nanoTime();
        int kills = Integer.getInteger("crash.cycles", 20);
        long seed = Long.getLong("crash.seed", System.nanoTime());
        System.out.println("IdempotentConsumerCrashTest: " + kills + " kills, -Dcrash.seed=" + seed);
        SchemaMigrator.migrate(db.dataSource());
        ConsumedOrders table = new ConsumedOrders(db.dataSource());
        table.createTable();
        String topic = TestTopics.unique("orders");
        String group = TestTopics.unique("order-service");

        try (AdminClient admin = AdminClient.create(broker.address());
             ConsumerGroupProcesses consumers = new ConsumerGroupProcesses(db, admin, broker.address(), topic, group,
                     dir);
             OrderFeed feed = startFeed(admin, broker.address(), topic, seed)) {
            killMidBatch(consumers, kills, new Random(seed), seed);
            feed.finish(MIN_ORDERS, Duration.ofMinutes(2));
            drain(consumers, table, feed.orderIds(), new ConsumerLagReader(admin), seed);

            // every order exactly once, though nothing but the idempotency claim keeps it from being recorded twice
            assertEquals(Map.of(), table.recordedMoreThanOnce(), "orders recorded more than once (seed " + seed + ")");
            Map<String, Recorded> recorded = table.recorded();
            assertEquals(Set.of(), missing(feed.orderIds(), recorded.keySet()),
                    "orders never recorded (seed " + seed + ")");
            assertEquals(Set.of(), missing(recorded.keySet(), feed.orderIds()), "orders recorded that were never sent");
            // claims and business rows committed together: a claim without its row would be an order lost
            assertEquals(recorded.keySet(), new TreeSet<>(new JdbcTemplate(db.dataSource()).queryForList(
                    "SELECT idem_key FROM mq_idempotency WHERE consumer_group = ?", String.class, group)),
                    "the claimed keys are the recorded orders");
            long stored = consumers.stored();
            assertEquals(feed.sent(), stored, "messages stored: the orders and their copies");

            verifyRedeliveries(CrashTally.of(ended, recorded), recorded.size(), stored, kills,
                    "; " + Duration.ofNanos(System.nanoTime() - began).toSeconds() + " s; seed " + seed);
        }
    }

    /** Creates the topic and starts sending orders to it. */
    private static OrderFeed startFeed(AdminClient admin, String address, String topic, long seed) {
        admin.createTopic(topic, QUEUES);
        return OrderFeed.start(address, topic, PACE, seed);
    }

    /** Starts and kills processes until {@code kills} kills cut listener calls. */
    private void killMidBatch(ConsumerGroupProcesses consumers, int kills, Random random, long seed)
            throws Exception {
        for (int round = 0; midBatchKills() < kills; round++) {
            if (ended.size() >= kills + SPARE_KILLS) {
                throw new AssertionError("only " + midBatchKills() + " of " + ended.size() + " kills found a listener "
                        + "call in flight (seed " + seed + "): " + ended);
            }
            if (round % PAIR_EVERY == PAIR_EVERY - 1 && kills - midBatchKills() >= 2) {
                killPair(consumers, random);
            } else {
                ConsumerProcess c = consumers.start();
                c.awaitCommitsAndACallInFlight(1 + random.nextInt(MAX_COMMITS_BEFORE_KILL));
                ended.add(new EndedConsumer(c.name(), c.kill(), true));
            }
        }
    }

    /**
     * Two processes in the group at once, so the broker splits the queues between them: whichever first has a call
     * in flight after a random number of commits is killed; the survivor must take its queues over (the broker saw
     * the connection close and told it), which shows as the group's committed offsets moving past the cut calls, and
     * is then killed too.
     */
    private void killPair(ConsumerGroupProcesses consumers, Random random) throws Exception {
        ConsumerProcess a = consumers.start();
        ConsumerProcess b = consumers.start();
        a.awaitReady();
        b.awaitReady();
        a.await(() -> "2 members in " + consumers.group() + ", have " + consumers.members(), Duration.ofSeconds(30),
                Duration.ofMillis(100), () -> consumers.members().size() == 2);
        ConsumerProcess victim = ConsumerProcess.awaitFirstMidBatch(1 + random.nextInt(MAX_COMMITS_BEFORE_KILL), a, b);
        ConsumerProcess survivor = victim == a ? b : a;
        ConsumerEvents killed = victim.kill();
        ended.add(new EndedConsumer(victim.name(), killed, true));

        Map<Integer, Long> cut = new TreeMap<>(); // queue → lowest offset of a cut call
        killed.openCalls().values().stream().filter(call -> !call.retried())
                .forEach(call -> cut.merge(Integer.parseInt(call.queue()), call.offset(), Math::min));
        survivor.await(() -> "committed offsets past the calls cut in " + victim.name() + " " + cut + ", have "
                        + consumers.committedOffsets(), Duration.ofSeconds(30), Duration.ofMillis(100),
                () -> {
                    Map<Integer, Long> committed = consumers.committedOffsets();
                    return cut.entrySet().stream()
                            .allMatch(e -> committed.getOrDefault(e.getKey(), -1L) > e.getValue());
                });
        int more = 1 + random.nextInt(MAX_COMMITS_BEFORE_KILL);
        survivor.awaitCommitsAndACallInFlight(survivor.events().commits() + more);
        ended.add(new EndedConsumer(survivor.name(), survivor.kill(), true));
    }

    /** One last process consumes until every order is recorded and the group has no lag, then stops gracefully. */
    private void drain(ConsumerGroupProcesses consumers, ConsumedOrders table, Set<String> orderIds,
                       ConsumerLagReader lag, long seed) throws Exception {
        ConsumerProcess last = consumers.start();
        String group = consumers.group();
        last.await(() -> "every order recorded and a lag of 0 (seed " + seed + "); recorded "
                        + table.distinctOrders() + " of " + orderIds.size() + ", missing "
                        + missing(orderIds, table.recorded().keySet()) + ", lag " + lag.lag(group),
                Duration.ofSeconds(120), Duration.ofMillis(200),
                () -> table.distinctOrders() == orderIds.size() && lag.lag(group) == 0);
        ConsumerEvents drained = last.stop();
        ended.add(new EndedConsumer(last.name(), drained, false));
        assertEquals(Map.of(), drained.openCalls(), "the gracefully stopped process finished its calls");
    }

    /**
     * The duplicate counter, the event files and the business rows prove redeliveries: more deliveries were skipped
     * as duplicates than the producer sent copies (messages whose order had committed were delivered again, because
     * the kill came before their offset was committed), and calls cut by a kill were delivered again to another
     * process, which recorded the order from the same message (the killed transaction had rolled back).
     */
    private void verifyRedeliveries(CrashTally tally, int orders, long stored, int kills, String run) {
        String summary = tally.summary(orders, stored) + run;
        System.out.println("IdempotentConsumerCrashTest: " + summary);
        String details = summary + "\nprocesses:\n" + String.join("\n", ended.stream().map(String::valueOf).toList());
        long copies = stored - orders;
        assertTrue(tally.midBatchKills >= kills, "kills with calls in flight: " + details);
        assertEquals(0, tally.deadLettered, "no message dead-lettered: " + details);
        assertTrue(tally.duplicates >= copies, "every producer copy is skipped as a duplicate: " + details);
        assertTrue(tally.duplicates > copies, "redelivered committed orders are skipped as duplicates: " + details);
        assertTrue(tally.delivered > stored, "the broker delivered more messages than it stored: " + details);
        assertTrue(tally.cutAndRedoneElsewhere > 0, "calls cut by a kill are redelivered to another process: "
                + details);
    }

    private long midBatchKills() {
        return ended.stream().filter(EndedConsumer::killedMidBatch).count();
    }

    private static Set<String> missing(Set<String> expected, Set<String> present) {
        Set<String> missing = new TreeSet<>(expected);
        missing.removeAll(present);
        return missing;
    }
}
