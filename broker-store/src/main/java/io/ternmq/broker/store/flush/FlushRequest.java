package io.ternmq.broker.store.flush;

import io.ternmq.broker.store.AppendResult;
import io.ternmq.broker.store.AppendStatus;

import java.util.concurrent.CompletableFuture;

/**
 * One SYNC_FLUSH append waiting for "flushed past {@code endOffset}". Its future is completed exactly once, by
 * whichever comes first: the fsync that covers it ({@link #acknowledge}) or its deadline ({@link #expire}); a later
 * completion is a no-op, as with {@link CompletableFuture#complete}. Immutable apart from the future; thread-safe.
 */
final class FlushRequest {
    final long endOffset;
    final long deadlineNanos;
    private final AppendResult ok;
    final CompletableFuture<AppendResult> future = new CompletableFuture<>();

    FlushRequest(long endOffset, AppendResult ok, long deadlineNanos) {
        this.endOffset = endOffset;
        this.ok = ok;
        this.deadlineNanos = deadlineNanos;
    }

    /** Completes with the append's result when {@code flushed} covers it, else with FLUSH_DISK_TIMEOUT. */
    void acknowledge(long flushed) {
        if (endOffset <= flushed) {
            future.complete(ok);
        } else {
            fail("flushed only to " + flushed);
        }
    }

    /** The bytes were written but their durability is unknown. */
    void fail(String reason) {
        future.complete(new AppendResult(AppendStatus.FLUSH_DISK_TIMEOUT, ok.commitLogOffset(),
                ok.baseQueueOffset(), ok.messageCount(), ok.messageIds(), ok.storeTimestamp(), reason));
    }

    /** @return true when the deadline had passed (and the future is now complete) */
    boolean expire(long nowNanos, long timeoutMs) {
        if (nowNanos - deadlineNanos < 0) {
            return false;
        }
        fail("fsync did not complete within " + timeoutMs + " ms");
        return true;
    }
}
