package io.ternmq.broker.store.commitlog;

import java.util.List;

/**
 * One CommitLog record as read back.
 *
 * @param messages the messages; bodies are empty when the record was decoded without bodies
 */
public record DecodedRecord(long commitLogOffset, int totalSize, long baseQueueOffset, long storeTimestamp,
                            String topic, int queueId, int flags, String storeHost, List<DecodedMessage> messages) {

    public boolean multiTags() {
        return (flags & RecordEncoder.FLAG_MULTI_TAGS) != 0;
    }

    public long endOffset() {
        return commitLogOffset + totalSize;
    }
}
