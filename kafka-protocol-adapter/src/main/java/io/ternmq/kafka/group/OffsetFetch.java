package io.ternmq.kafka.group;

import java.util.List;

/** The result of OffsetFetch. */
public final class OffsetFetch {
    private OffsetFetch() {
    }

    /** {@code offset} is -1 and {@code metadata} "" when the group has committed nothing for the partition. */
    public record PartitionOffset(TopicPartition partition, long offset, String metadata, GroupError error) {
    }

    public record Result(GroupError error, List<PartitionOffset> partitions) {
    }
}
