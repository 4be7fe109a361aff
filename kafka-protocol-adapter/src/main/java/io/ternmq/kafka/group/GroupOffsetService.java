package io.ternmq.kafka.group;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * OffsetCommit, OffsetFetch and OffsetDelete for classic groups. Offsets and their commit metadata strings go to
 * {@link CommittedOffsets} together (durable, like Kafka's offsets topic).
 *
 * <p>Commit validation follows Kafka's classic rules: generation &lt; 0 on an Empty (or unknown) group is a standalone
 * commit and is accepted (Admin, {@code assign()} consumers); otherwise the member must exist
 * (UNKNOWN_MEMBER_ID), not be a fenced static instance (FENCED_INSTANCE_ID) and carry the current generation
 * (ILLEGAL_GENERATION); while the group waits for the leader's assignment it is REBALANCE_IN_PROGRESS. A valid commit
 * also counts as a heartbeat.
 *
 * <p>Thread-safe: commits and deletes hold the group's lock; fetches read without it.
 */
public final class GroupOffsetService {
    private static final String CONSUMER_PROTOCOL = "consumer";

    private final GroupConfig config;
    private final GroupRegistry registry;
    private final Rebalancer rebalancer;
    private final CommittedOffsets offsets;

    GroupOffsetService(GroupConfig config, GroupRegistry registry, Rebalancer rebalancer, CommittedOffsets offsets) {
        this.config = config;
        this.registry = registry;
        this.rebalancer = rebalancer;
        this.offsets = offsets;
    }

    public OffsetCommit.Result commit(OffsetCommit.Request request) {
        if (request.groupId() == null || request.groupId().isEmpty()) {
            return failed(request, GroupError.INVALID_GROUP_ID);
        }
        ClassicGroup group = request.generationId() < 0 ? registry.getOrCreate(request.groupId())
                : registry.get(request.groupId());
        if (group == null) {
            return failed(request, GroupError.ILLEGAL_GENERATION);
        }
        return GroupRegistry.locked(group, () -> {
            GroupError error = validateCommit(group, request);
            if (error != GroupError.NONE) {
                return failed(request, error);
            }
            Map<TopicPartition, GroupError> results = new LinkedHashMap<>();
            request.offsets().forEach((partition, offset) -> results.put(partition,
                    commitOne(group, partition, offset)));
            return new OffsetCommit.Result(GroupError.NONE, results);
        });
    }

    private GroupError validateCommit(ClassicGroup group, OffsetCommit.Request request) {
        if (group.state == GroupState.DEAD) {
            return GroupError.COORDINATOR_NOT_AVAILABLE;
        }
        if (request.generationId() < 0 && group.state == GroupState.EMPTY) {
            return GroupError.NONE;
        }
        GroupError error = GroupCoordinator.validateMember(group, request.memberId(), request.groupInstanceId(),
                request.generationId());
        if (error != GroupError.NONE) {
            return error;
        }
        if (group.state == GroupState.COMPLETING_REBALANCE) {
            return GroupError.REBALANCE_IN_PROGRESS;
        }
        rebalancer.touch(group, group.member(request.memberId()));
        return GroupError.NONE;
    }

    private GroupError commitOne(ClassicGroup group, TopicPartition partition, OffsetCommit.Offset offset) {
        if (!offsets.partitionExists(partition.topic(), partition.partition())) {
            return GroupError.UNKNOWN_TOPIC_OR_PARTITION;
        }
        String metadata = offset.metadata() == null ? "" : offset.metadata();
        if (metadata.getBytes(StandardCharsets.UTF_8).length > config.maxCommittedMetadataBytes()) {
            return GroupError.OFFSET_METADATA_TOO_LARGE;
        }
        offsets.commit(group.groupId, partition, offset.offset(), metadata);
        return GroupError.NONE;
    }

    private static OffsetCommit.Result failed(OffsetCommit.Request request, GroupError error) {
        Map<TopicPartition, GroupError> results = new LinkedHashMap<>();
        request.offsets().keySet().forEach(p -> results.put(p, error));
        return new OffsetCommit.Result(error, results);
    }

    /**
     * OffsetFetch.
     *
     * @param partitions the partitions to fetch, or null for every partition the group committed
     */
    public OffsetFetch.Result fetch(String groupId, List<TopicPartition> partitions) {
        List<OffsetFetch.PartitionOffset> result = new ArrayList<>();
        if (partitions == null) {
            offsets.committedOffsets(groupId).forEach((p, committed) -> result.add(new OffsetFetch.PartitionOffset(p,
                    committed.offset(), committed.metadata(), GroupError.NONE)));
        } else {
            for (TopicPartition p : partitions) {
                Optional<CommittedOffset> committed = offsets.committed(groupId, p);
                result.add(new OffsetFetch.PartitionOffset(p, committed.map(CommittedOffset::offset).orElse(-1L),
                        committed.map(CommittedOffset::metadata).orElse(""), GroupError.NONE));
            }
        }
        return new OffsetFetch.Result(GroupError.NONE, result);
    }

    /**
     * OffsetDelete: removes the group's committed offsets of these partitions, except for topics a member of an active
     * "consumer" group subscribes to (GROUP_SUBSCRIBED_TO_TOPIC). An active group of another protocol type is
     * NON_EMPTY_GROUP; a group nobody knows is GROUP_ID_NOT_FOUND.
     */
    public OffsetCommit.Result delete(String groupId, List<TopicPartition> partitions) {
        ClassicGroup group = registry.get(groupId);
        if (group == null) {
            if (!offsets.groups().contains(groupId)) {
                return new OffsetCommit.Result(GroupError.GROUP_ID_NOT_FOUND, Map.of());
            }
            return deleteAll(groupId, partitions, Set.of());
        }
        return GroupRegistry.locked(group, () -> {
            if (group.state == GroupState.DEAD) {
                return new OffsetCommit.Result(GroupError.GROUP_ID_NOT_FOUND, Map.of());
            }
            Set<String> subscribed = Set.of();
            if (group.state != GroupState.EMPTY) {
                if (!CONSUMER_PROTOCOL.equals(group.protocolType)) {
                    return new OffsetCommit.Result(GroupError.NON_EMPTY_GROUP, Map.of());
                }
                subscribed = group.subscribedTopics();
            }
            return deleteAll(groupId, partitions, subscribed);
        });
    }

    private OffsetCommit.Result deleteAll(String groupId, List<TopicPartition> partitions, Set<String> subscribed) {
        Map<TopicPartition, GroupError> results = new LinkedHashMap<>();
        for (TopicPartition p : partitions) {
            if (subscribed.contains(p.topic())) {
                results.put(p, GroupError.GROUP_SUBSCRIBED_TO_TOPIC);
            } else {
                offsets.delete(groupId, p);
                results.put(p, GroupError.NONE);
            }
        }
        return new OffsetCommit.Result(GroupError.NONE, results);
    }
}
