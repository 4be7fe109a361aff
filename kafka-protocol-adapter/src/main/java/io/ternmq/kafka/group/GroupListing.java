package io.ternmq.kafka.group;

/** One ListGroups entry; {@code protocolType} is "" for groups that only have committed offsets. */
public record GroupListing(String groupId, String protocolType, GroupState state) {
}
