package io.ternmq.broker.delay;

import io.ternmq.broker.Broker;
import io.ternmq.broker.testing.Conditions;
import io.ternmq.broker.testing.MutableClock;
import io.ternmq.broker.testing.QueueReads;
import io.ternmq.broker.testing.RawClient;
import io.ternmq.broker.testing.TestBrokers;
import io.ternmq.protocol.ErrorCode;
import io.ternmq.protocol.command.Commands;
import io.ternmq.protocol.command.Pull;
import io.ternmq.protocol.message.ExpressionType;
import io.ternmq.protocol.message.MessageProperties;
import io.ternmq.protocol.message.MessageView;
import io.ternmq.protocol.message.Subscription;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static io.ternmq.broker.testing.QueueReads.all;
import static io.ternmq.broker.testing.QueueReads.message;
import static io.ternmq.broker.testing.QueueReads.send;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Delayed messages through a real broker over a real socket: levels, delivery times, limits, restarts. */
class DelayedMessageTest {
    private static final String TOPIC = "delayed";

    @TempDir
    Path dir;
    Broker broker;

    @AfterEach
    void stop() {
        if (broker != null) {
            broker.close();
        }
    }

    private Broker start(Clock clock, String... overrides) {
        broker = TestBrokers.start(dir, 0, clock, overrides);
        return broker;
    }

    @Test
    void delayLevelMessageIsInvisibleUntilDueThenDeliveredWithinASecond() throws Exception {
        start(Clock.systemUTC(), "messageDelayLevel=1s 2s 3s");
        try (RawClient c = new RawClient(broker.nativePort())) {
            long sent = System.currentTimeMillis();
            send(c, TOPIC, 1, message("hello", MessageProperties.DELAY, "2", MessageProperties.KEYS, "k1",
                    MessageProperties.UNIQ_KEY, "u1", "custom", "v")).ok();
            Pull.Response pulled = c.call(Commands.PULL, new Pull.Request("g", TOPIC, 1, 0, 32, 1 << 20, 5_000,
                    Subscription.all(TOPIC), -1)).ok();
            long arrived = System.currentTimeMillis();
            assertEquals(Pull.Status.FOUND, pulled.status());
            assertTrue(arrived - sent >= 2_000, "delivered early, after " + (arrived - sent) + " ms");
            assertTrue(arrived - sent <= 3_000, "delivered late, after " + (arrived - sent) + " ms");
            MessageView m = pulled.messages().get(0);
            assertEquals(TOPIC, m.topic());
            assertEquals(1, m.queueId());
            assertEquals("hello", QueueReads.body(m));
            assertEquals("k1", m.keys());
            assertEquals("u1", m.uniqueId());
            assertEquals("v", m.properties().get("custom"));
            assertNull(m.properties().get(MessageProperties.DELAY));
            assertNull(m.properties().get(MessageProperties.REAL_TOPIC));
            assertNull(m.properties().get(MessageProperties.REAL_QID));
        }
    }

    @Test
    void delayLevelWaitsItsLevelOnTheBrokerClock() throws Exception {
        MutableClock clock = MutableClock.atNow();
        start(clock);
        try (RawClient c = new RawClient(broker.nativePort())) {
            send(c, TOPIC, 0, message("ten-seconds", MessageProperties.DELAY, "3")).ok();
            clock.advance(Duration.ofMillis(9_999));
            tick();
            assertTrue(all(c, TOPIC, 0).isEmpty(), "visible before its level's 10 s");
            clock.advance(Duration.ofMillis(1));
            tick();
            assertEquals(1, all(c, TOPIC, 0).size());
        }
    }

    @Test
    void levelAboveTheTableWaitsTheLastLevelAndTwoHoursNeedNoTwoHours() throws Exception {
        MutableClock clock = MutableClock.atNow();
        start(clock);
        try (RawClient c = new RawClient(broker.nativePort())) {
            send(c, TOPIC, 0, message("two-hours", MessageProperties.DELAY, "99")).ok();
            clock.advance(Duration.ofHours(2).minusSeconds(1));
            tick();
            assertTrue(all(c, TOPIC, 0).isEmpty());
            clock.advance(Duration.ofSeconds(1));
            tick();
            assertEquals(List.of("two-hours"), bodies(all(c, TOPIC, 0)));
        }
    }

    @Test
    void messageWithDeliveryTimeIsInvisibleUntilThatSecond() throws Exception {
        MutableClock clock = MutableClock.atNow();
        start(clock);
        long due = clock.millis() + 100_000;
        try (RawClient c = new RawClient(broker.nativePort())) {
            send(c, TOPIC, 2, message("at", MessageProperties.TIMER_DELIVER_MS, Long.toString(due),
                    MessageProperties.UNIQ_KEY, "u-at")).ok();
            for (int second = 1; second < 100; second++) { // every hop boundary on the way
                clock.advance(Duration.ofSeconds(1));
                tick();
                assertTrue(all(c, TOPIC, 2).isEmpty(), "visible " + (100 - second) + " s early");
            }
            clock.advance(Duration.ofSeconds(1));
            tick();
            List<MessageView> delivered = all(c, TOPIC, 2);
            assertEquals(List.of("at"), bodies(delivered));
            assertNull(delivered.get(0).properties().get(MessageProperties.TIMER_DELIVER_MS));
            assertEquals("u-at", delivered.get(0).uniqueId());
        }
    }

    @Test
    void deliveryTimeDaysAheadArrivesAfterAFewHopsEvenWhenTheClockJumps() throws Exception {
        MutableClock clock = MutableClock.atNow();
        start(clock);
        long due = clock.millis() + Duration.ofDays(2).plusHours(3).plusSeconds(17).toMillis();
        try (RawClient c = new RawClient(broker.nativePort())) {
            send(c, TOPIC, 0, message("later", MessageProperties.TIMER_DELIVER_MS, Long.toString(due))).ok();
            for (int i = 0; i < 40 && clock.millis() < due - 1_000; i++) {
                clock.advance(Duration.ofMillis(Math.max(1_000, (due - clock.millis()) / 2)));
                tick();
                assertTrue(all(c, TOPIC, 0).isEmpty() || clock.millis() >= due, "visible early");
            }
            clock.advance(Duration.ofMillis(Math.max(0, due - clock.millis() - 1)));
            tick();
            assertTrue(all(c, TOPIC, 0).isEmpty(), "visible 1 ms early");
            // hops are whole seconds from a time that need not be, so arrival may be up to a second late
            clock.advance(Duration.ofSeconds(1));
            tick();
            assertEquals(List.of("later"), bodies(all(c, TOPIC, 0)));
        }
    }

    @Test
    void deliveryTimeInThePastIsDeliveredAtOnce() throws Exception {
        start(Clock.systemUTC());
        try (RawClient c = new RawClient(broker.nativePort())) {
            send(c, TOPIC, 0, message("now", MessageProperties.TIMER_DELIVER_MS, "1000")).ok();
            settle();
            List<MessageView> stored = all(c, TOPIC, 0);
            assertEquals(1, stored.size());
            assertFalse(stored.get(0).properties().containsKey(MessageProperties.TIMER_DELIVER_MS));
        }
    }

    @Test
    void delayBeyondTimerMaxDelaySecIsRejected() throws Exception {
        MutableClock clock = MutableClock.atNow();
        start(clock, "timerMaxDelaySec=3600");
        try (RawClient c = new RawClient(broker.nativePort())) {
            long tooLate = clock.millis() + 3_601_000;
            RawClient.Response<?> r = send(c, TOPIC, 0, message("x", MessageProperties.TIMER_DELIVER_MS,
                    Long.toString(tooLate)));
            assertEquals(ErrorCode.MESSAGE_ILLEGAL, r.status());
            assertTrue(r.error().contains("timerMaxDelaySec = 3600"), r.error());
            send(c, TOPIC, 0, message("ok", MessageProperties.TIMER_DELIVER_MS,
                    Long.toString(clock.millis() + 3_600_000))).ok();
        }
    }

    @Test
    void malformedDelayPropertiesAndDelayedBatchesAreRejected() throws Exception {
        start(Clock.systemUTC());
        try (RawClient c = new RawClient(broker.nativePort())) {
            assertEquals(ErrorCode.MESSAGE_ILLEGAL, send(c, TOPIC, 0, message("x", MessageProperties.DELAY,
                    "soon")).status());
            assertEquals(ErrorCode.MESSAGE_ILLEGAL, send(c, TOPIC, 0, message("x", MessageProperties.DELAY, "1",
                    MessageProperties.TIMER_DELIVER_MS, "99999999999999")).status());
            assertEquals(ErrorCode.MESSAGE_ILLEGAL, c.call(Commands.SEND, new io.ternmq.protocol.command.Send.Request(
                    "pg", TOPIC, 0, List.of(message("a", MessageProperties.DELAY, "1"), message("b")))).status());
            assertEquals(ErrorCode.MESSAGE_ILLEGAL, send(c, ScheduleTopics.SCHEDULE_TOPIC, 0, message("x"))
                    .status());
            RawClient.Response<?> tx = send(c, TOPIC, 0, message("x", MessageProperties.DELAY, "1",
                    MessageProperties.TRANSACTION_PREPARED, "true", MessageProperties.PRODUCER_GROUP, "pg"));
            assertEquals(ErrorCode.MESSAGE_ILLEGAL, tx.status());
            assertTrue(tx.error().contains("transactional"), tx.error());
        }
    }

    @Test
    void pendingDelayedMessagesSurviveARestartAndAreDeliveredOnce() throws Exception {
        MutableClock clock = MutableClock.atNow();
        start(clock);
        int port = broker.nativePort();
        try (RawClient c = new RawClient(port)) {
            for (int level = 1; level <= 6; level++) { // 1s 5s 10s 30s 1m 2m
                send(c, TOPIC, 0, message("level-" + level, MessageProperties.DELAY, Integer.toString(level),
                        MessageProperties.UNIQ_KEY, "L" + level)).ok();
            }
            for (int s : new int[] {3, 45, 90, 200}) {
                send(c, TOPIC, 0, message("at-" + s, MessageProperties.TIMER_DELIVER_MS,
                        Long.toString(clock.millis() + s * 1_000L), MessageProperties.UNIQ_KEY, "T" + s)).ok();
            }
            clock.advance(Duration.ofSeconds(40));
            tick();
            tick(); // timer messages hop first, then arrive
            assertEquals(List.of("at-3", "level-1", "level-2", "level-3", "level-4"),
                    sorted(bodies(all(c, TOPIC, 0))));
        }
        broker.close();
        broker = TestBrokers.start(dir, port, clock);
        try (RawClient c = new RawClient(broker.nativePort())) {
            tick();
            assertEquals(5, all(c, TOPIC, 0).size(), "a graceful restart repeats no delivery");
            clock.advance(Duration.ofSeconds(200));
            for (int i = 0; i < 4; i++) {
                tick();
            }
            List<MessageView> delivered = all(c, TOPIC, 0);
            Map<String, Integer> copies = new TreeMap<>();
            for (MessageView m : delivered) {
                copies.merge(m.uniqueId(), 1, Integer::sum);
            }
            assertEquals(10, delivered.size(), "each delayed message exactly once: " + copies);
            assertEquals(10, copies.size());
        }
    }

    @Test
    void backgroundScheduleDeliversWithoutManualTicks() throws Exception {
        MutableClock clock = MutableClock.atNow();
        start(clock);
        try (RawClient c = new RawClient(broker.nativePort())) {
            send(c, TOPIC, 0, message("bg", MessageProperties.DELAY, "4")).ok();
            clock.advance(Duration.ofSeconds(30));
            Conditions.await("delivery by the schedule thread", Duration.ofSeconds(5),
                    () -> sizeQuietly(c) == 1);
        }
    }

    /** One schedule pass, then wait until what it appended is readable (the store dispatches asynchronously). */
    private void tick() {
        broker.schedule().tick();
        settle();
    }

    /** Waits until every append so far is readable (the store dispatches asynchronously). */
    private void settle() {
        var store = broker.core().messages().store();
        Conditions.await("dispatch", Duration.ofSeconds(5),
                () -> store.status().dispatchedOffset() >= store.status().commitLogMaxOffset());
    }

    private static int sizeQuietly(RawClient c) {
        try {
            return all(c, TOPIC, 0).size();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static List<String> bodies(List<MessageView> messages) {
        List<String> out = new ArrayList<>();
        for (MessageView m : messages) {
            out.add(QueueReads.body(m));
        }
        return out;
    }

    private static List<String> sorted(List<String> list) {
        List<String> copy = new ArrayList<>(list);
        copy.sort(null);
        return copy;
    }
}
