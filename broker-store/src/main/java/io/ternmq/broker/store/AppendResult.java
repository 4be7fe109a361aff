package io.ternmq.broker.store;

import java.util.List;

/**
 * Outcome of one append.
 *
 * @param status          what happened
 * @param commitLogOffset position of the entry in the CommitLog, or -1 when nothing was written
 * @param baseQueueOffset queue offset of the first message, or -1
 * @param messageCount    number of messages stored
 * @param messageIds      broker message id of each message, in order (empty unless written)
 * @param storeTimestamp  store time, epoch ms
 * @param errorMessage    human-readable reason when not {@link AppendStatus#PUT_OK}, else null
 */
public record AppendResult(AppendStatus status, long commitLogOffset, long baseQueueOffset, int messageCount,
                           List<String> messageIds, long storeTimestamp, String errorMessage) {

    public static AppendResult rejected(AppendStatus status, String errorMessage) {
        return new AppendResult(status, -1, -1, 0, List.of(), 0, errorMessage);
    }

    public boolean ok() {
        return status == AppendStatus.PUT_OK;
    }
}
