package io.ternmq.client.consumer;

import io.ternmq.client.MessageQueue;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProcessQueueTest {
    private final ProcessQueue pq = new ProcessQueue(new MessageQueue("T", 0));

    static MessageExt msg(long offset) {
        return new MessageExt("T", 0, offset, "id" + offset, "o" + offset, null, List.of(), Map.of(), new byte[10],
                0, 0, 0, "h", offset * 100);
    }

    @Test
    void commitOffsetIsTheLowestUnacknowledgedOffset() {
        pq.start(10);
        pq.putMessages(List.of(msg(10), msg(11), msg(12)), 13);
        assertEquals(10, pq.commitOffset());
        assertEquals(10, pq.ack(List.of(msg(11))), "a gap below holds the offset back");
        assertEquals(12, pq.ack(List.of(msg(10))));
        assertEquals(13, pq.ack(List.of(msg(12))), "nothing outstanding: continue where the pull left off");
    }

    @Test
    void beforeAnyPullTheCommitOffsetIsTheStartOffset() {
        assertEquals(-1, pq.commitOffset());
        pq.start(42);
        assertEquals(42, pq.commitOffset());
        assertEquals(42, pq.nextPullOffset());
    }

    @Test
    void filteredGapsAdvanceTheCommitOffset() {
        pq.start(0);
        pq.putMessages(List.of(), 7);
        assertEquals(7, pq.commitOffset());
    }

    @Test
    void cacheCountsAndBytesFollowPutAndAck() {
        pq.start(0);
        pq.putMessages(List.of(msg(0), msg(1)), 2);
        assertEquals(2, pq.cachedCount());
        assertEquals(20, pq.cachedBytes());
        pq.ack(List.of(msg(0)));
        assertEquals(1, pq.cachedCount());
        assertEquals(10, pq.cachedBytes());
        pq.ack(List.of(msg(0)));
        assertEquals(10, pq.cachedBytes(), "acking twice changes nothing");
    }

    @Test
    void aDroppedQueueAcceptsNoMessagesAndStartsNoListenerCall() {
        pq.start(0);
        pq.drop();
        assertFalse(pq.putMessages(List.of(msg(0)), 1));
        assertFalse(pq.tryBeginConsume());
        assertEquals(0, pq.cachedCount());
    }

    @Test
    void awaitIdleWaitsForRunningListenerCalls() throws Exception {
        assertTrue(pq.tryBeginConsume());
        pq.drop();
        assertFalse(pq.awaitIdle(20), "a call is still running");
        CompletableFuture<Boolean> idle = CompletableFuture.supplyAsync(() -> {
            try {
                return pq.awaitIdle(5000);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        pq.endConsume();
        assertTrue(idle.get(5, TimeUnit.SECONDS));
    }
}
