package io.ternmq.spring.outbox;

import io.ternmq.test.ManualClock;
import org.junit.jupiter.api.Test;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CopyOnWriteArrayList;

import static io.ternmq.spring.txtest.Eventually.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ScheduledPurgeTest {
    private final ManualClock clock = new ManualClock(Instant.parse("2030-01-10T00:00:00Z"));
    private final CopyOnWriteArrayList<Instant> cutoffs = new CopyOnWriteArrayList<>();

    @Test
    void purgesRowsOlderThanTheRetentionEveryInterval() {
        ScheduledPurge purge = new ScheduledPurge("mq_tx_log", cutoff -> {
            cutoffs.add(cutoff);
            return 3;
        }, Duration.ofDays(7), Duration.ofMillis(20), clock);
        assertEquals(3, purge.purgeNow());
        assertEquals(Instant.parse("2030-01-03T00:00:00Z"), cutoffs.get(0));
        purge.start();
        try {
            assertTrue(purge.isRunning());
            await("two scheduled rounds", Duration.ofSeconds(10), () -> cutoffs.size() >= 3);
        } finally {
            purge.stop();
        }
        assertFalse(purge.isRunning());
    }

    @Test
    void aFailedRoundDoesNotStopTheSchedule() {
        ScheduledPurge purge = new ScheduledPurge("mq_idempotency", cutoff -> {
            cutoffs.add(cutoff);
            throw new IllegalStateException("database down");
        }, Duration.ofDays(1), Duration.ofMillis(20), clock);
        purge.start();
        try {
            await("rounds after a failure", Duration.ofSeconds(10), () -> cutoffs.size() >= 2);
        } finally {
            purge.stop();
        }
    }

    @Test
    void refusesANonPositiveRetentionOrInterval() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new ScheduledPurge("mq_tx_log", c -> 0, Duration.ZERO, Duration.ofHours(1), clock));
        assertTrue(e.getMessage().contains("retention of mq_tx_log"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> new ScheduledPurge("mq_tx_log", c -> 0, Duration.ofDays(1), Duration.ofSeconds(-1), clock));
    }
}
