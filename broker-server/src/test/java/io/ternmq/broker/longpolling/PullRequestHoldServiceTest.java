package io.ternmq.broker.longpolling;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PullRequestHoldServiceTest {
    private final AtomicLong maxOffset = new AtomicLong();
    private final PullRequestHoldService holds = new PullRequestHoldService(2, 1, (t, q) -> maxOffset.get());

    @AfterEach
    void close() {
        holds.close();
    }

    @Test
    void arrivalInTheQueueWakesTheHeldPull() throws Exception {
        CompletableFuture<String> f = holds.hold("t", 0, 0, 60_000, () -> "answered").orElseThrow();
        assertFalse(f.isDone());
        holds.arrived("t", 1, 5, 0); // other queue
        holds.arrived("t", 0, 0, 0); // not past the offset
        assertFalse(f.isDone());
        holds.arrived("t", 0, 1, 0);
        assertEquals("answered", f.get(5, TimeUnit.SECONDS));
        assertEquals(0, holds.heldCount());
    }

    @Test
    void timeoutAnswersOnce() throws Exception {
        AtomicInteger answers = new AtomicInteger();
        CompletableFuture<Integer> f = holds.hold("t", 0, 0, 50, answers::incrementAndGet).orElseThrow();
        assertEquals(1, f.get(5, TimeUnit.SECONDS));
        holds.arrived("t", 0, 10, 0);
        assertEquals(1, answers.get(), "answered exactly once");
    }

    @Test
    void messageThatLandedBeforeRegistrationIsNotMissed() throws Exception {
        maxOffset.set(3);
        CompletableFuture<String> f = holds.hold("t", 0, 2, 60_000, () -> "now").orElseThrow();
        assertEquals("now", f.get(5, TimeUnit.SECONDS));
    }

    @Test
    void refusesBeyondTheLimit() {
        assertTrue(holds.hold("t", 0, 0, 60_000, () -> "").isPresent());
        assertTrue(holds.hold("t", 0, 0, 60_000, () -> "").isPresent());
        Optional<CompletableFuture<String>> third = holds.hold("t", 0, 0, 60_000, () -> "");
        assertTrue(third.isEmpty());
        assertEquals(2, holds.heldCount());
    }

    @Test
    void closeAnswersEveryHeldPull() throws Exception {
        CompletableFuture<String> f = holds.hold("t", 0, 0, 60_000, () -> "closing").orElseThrow();
        holds.close();
        assertEquals("closing", f.get(5, TimeUnit.SECONDS));
    }
}
