package io.ternmq.bench.load;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RateLimiterTest {

    @Test
    void spacesPermitsEvenlyAtTheConfiguredRate() {
        RateLimiter limiter = new RateLimiter(1_000, 0); // 1 ms per permit
        assertEquals(0, limiter.reserve(1, 0));
        assertEquals(1_000_000, limiter.reserve(1, 0));
        assertEquals(2_000_000, limiter.reserve(1, 0));
    }

    @Test
    void aBatchReservesOnePermitPerMessage() {
        RateLimiter limiter = new RateLimiter(1_000, 0);
        limiter.reserve(16, 0);
        assertEquals(16_000_000, limiter.reserve(1, 0));
    }

    @Test
    void catchUpAfterAStallIsBounded() {
        RateLimiter limiter = new RateLimiter(1_000, 0);
        long afterLongStall = 10_000_000_000L;
        int immediate = 0;
        while (limiter.reserve(1, afterLongStall) == 0) {
            immediate++;
        }
        assertEquals(100, immediate);
    }

    @Test
    void zeroRateMeansUnlimited() {
        RateLimiter limiter = new RateLimiter(0, 0);
        for (int i = 0; i < 1_000; i++) {
            assertEquals(0, limiter.reserve(1, 0));
        }
    }
}
