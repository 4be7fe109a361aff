package io.ternmq.kafka.server.data;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Produce's read-your-writes waits, driven with a hand-set end offset and clock. */
class VisibilityWaitsTest {
    private final Map<String, Long> ends = new ConcurrentHashMap<>();
    private final AtomicLong now = new AtomicLong(1_000);
    private final VisibilityWaits waits = new VisibilityWaits(
            (topic, queue) -> ends.getOrDefault(topic + "-" + queue, 0L), now::get, 500);

    private void end(String topic, int queue, long endOffset) {
        ends.put(topic + "-" + queue, endOffset);
        waits.arrived(topic, queue, endOffset, 0);
    }

    @Test
    void aBatchAlreadyReadableIsAnsweredAtOnce() {
        ends.put("t-0", 10L);
        assertTrue(waits.await("t", 0, 9).isDone());
        assertFalse(waits.await("t", 0, 10).isDone(), "offset 10 is the next to be written, not yet readable");
    }

    @Test
    void anArrivalCompletesTheWaitsItPassedAndNoOthers() {
        CompletableFuture<Void> first = waits.await("t", 0, 4);
        CompletableFuture<Void> second = waits.await("t", 0, 9);
        CompletableFuture<Void> otherQueue = waits.await("t", 1, 0);
        CompletableFuture<Void> otherTopic = waits.await("u", 0, 0);

        end("t", 0, 5);
        assertTrue(first.isDone());
        assertFalse(second.isDone(), "its last record (9) is not readable yet");
        assertFalse(otherQueue.isDone());
        assertFalse(otherTopic.isDone());

        end("t", 0, 10);
        assertTrue(second.isDone());
        assertFalse(otherQueue.isDone());
    }

    @Test
    void waitsRegisteredOutOfOffsetOrderAreAllReleased() {
        CompletableFuture<Void> later = waits.await("t", 0, 20);
        CompletableFuture<Void> earlier = waits.await("t", 0, 3);
        end("t", 0, 4);
        assertTrue(earlier.isDone());
        assertFalse(later.isDone());
        end("t", 0, 21);
        assertTrue(later.isDone());
    }

    @Test
    void anArrivalReportedBeforeTheWaitIsRegisteredIsNotMissed() {
        // the probe sees the new end offset only from its second call on: the arrival slipped in between
        AtomicLong calls = new AtomicLong();
        VisibilityWaits racing = new VisibilityWaits((t, q) -> calls.incrementAndGet() == 1 ? 0 : 8, now::get, 500);
        assertTrue(racing.await("t", 0, 7).isDone());
    }

    @Test
    void theSweepAnswersOnlyWaitsPastTheirDeadline() {
        CompletableFuture<Void> old = waits.await("t", 0, 5);
        now.addAndGet(300);
        CompletableFuture<Void> recent = waits.await("t", 0, 6);
        now.addAndGet(250);
        assertEquals(1, waits.sweep());
        assertTrue(old.isDone());
        assertFalse(recent.isDone());
        assertEquals(0, waits.sweep());
    }

    @Test
    void closeAnswersEveryWaitAndLaterOnesAtOnce() {
        CompletableFuture<Void> open = waits.await("t", 0, 5);
        waits.close();
        assertTrue(open.isDone());
        assertTrue(waits.await("t", 0, 100).isDone());
    }
}
