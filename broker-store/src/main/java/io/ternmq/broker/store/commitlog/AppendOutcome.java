package io.ternmq.broker.store.commitlog;

import io.ternmq.broker.store.AppendStatus;

/**
 * What the CommitLog did with one entry. {@code endOffset} is what a SYNC_FLUSH append waits to see flushed.
 */
public record AppendOutcome(AppendStatus status, String errorMessage, long commitLogOffset, long baseQueueOffset,
                            long endOffset, long storeTimestamp) {

    static AppendOutcome rejected(AppendStatus status, String errorMessage) {
        return new AppendOutcome(status, errorMessage, -1, -1, -1, 0);
    }

    public boolean written() {
        return status == AppendStatus.PUT_OK;
    }
}
