package io.ternmq.kafka.group;

import java.util.LinkedHashMap;
import java.util.Map;

/** The plain-Java form of OffsetCommit. */
public final class OffsetCommit {
    private OffsetCommit() {
    }

    /** The offset of the next record to consume, and the client's opaque metadata string (may be null). */
    public record Offset(long offset, String metadata) {
    }

    /**
     * @param generationId -1 for a standalone commit (Admin, consumers using assign())
     * @param offsets      partition → offset, in request order
     */
    public record Request(String groupId, int generationId, String memberId, String groupInstanceId,
                          Map<TopicPartition, Offset> offsets) {
        public Request {
            memberId = memberId == null ? "" : memberId;
            offsets = new LinkedHashMap<>(offsets);
        }
    }

    /**
     * @param error      NONE when the commit was validated against the group; otherwise the same error is on every
     *                   partition
     * @param partitions per partition outcome, in request order
     */
    public record Result(GroupError error, Map<TopicPartition, GroupError> partitions) {
    }
}
