package io.ternmq.broker.delay;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TimerHopsTest {
    @Test
    void hopsAreOneToSevenTimesPowersOfEightSeconds() {
        assertEquals(49, TimerHops.COUNT);
        assertEquals(1_000, TimerHops.hopMs(0));
        assertEquals(7_000, TimerHops.hopMs(6));
        assertEquals(8_000, TimerHops.hopMs(7));
        assertEquals(7L * 262_144 * 1_000, TimerHops.hopMs(48));
        assertThrows(IllegalArgumentException.class, () -> TimerHops.hopMs(49));
    }

    @Test
    void theChosenHopIsTheLargestNotBeyondTheRemainingDelayRoundedUpToASecond() {
        assertEquals(1_000, TimerHops.hopMs(TimerHops.queueFor(1)));
        assertEquals(2_000, TimerHops.hopMs(TimerHops.queueFor(1_001)));
        assertEquals(64_000, TimerHops.hopMs(TimerHops.queueFor(100_000)));
        assertEquals(56_000, TimerHops.hopMs(TimerHops.queueFor(62_999)));
        assertEquals(64_000, TimerHops.hopMs(TimerHops.queueFor(63_001)), "63.001 s rounds up to 64 s");
        assertThrows(IllegalArgumentException.class, () -> TimerHops.queueFor(0));
    }

    @Test
    void threeDaysTakeAtMostSixHopsAndNeverArriveEarly() {
        for (long delay : new long[] {1_000, 59_000, 86_399_000, Duration.ofDays(3).toMillis(), 262_143_000}) {
            long remaining = delay;
            int hops = 0;
            while (remaining > 0) {
                long hop = TimerHops.hopMs(TimerHops.queueFor(remaining));
                assertTrue(hop <= (remaining + 999) / 1_000 * 1_000);
                remaining -= hop;
                hops++;
            }
            assertTrue(hops <= 6, delay + " ms took " + hops + " hops");
            assertTrue(remaining > -1_000, "late by a second or more");
        }
    }
}
