package io.ternmq.kafka.server.handler;

import io.ternmq.kafka.codec.Struct;
import io.ternmq.kafka.codec.api.OffsetCommitApi.Request;
import io.ternmq.kafka.codec.api.OffsetCommitApi.Request.OffsetCommitRequestPartition;
import io.ternmq.kafka.codec.api.OffsetCommitApi.Request.OffsetCommitRequestTopic;
import io.ternmq.kafka.codec.api.OffsetCommitApi.Response;
import io.ternmq.kafka.codec.api.OffsetCommitApi.Response.OffsetCommitResponsePartition;
import io.ternmq.kafka.codec.api.OffsetCommitApi.Response.OffsetCommitResponseTopic;
import io.ternmq.kafka.group.GroupCoordinator;
import io.ternmq.kafka.group.GroupError;
import io.ternmq.kafka.group.OffsetCommit;
import io.ternmq.kafka.group.TopicPartition;
import io.ternmq.kafka.server.ApiHandler;
import io.ternmq.kafka.server.RequestContext;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * OffsetCommit (8), v2-7. Offsets go to the broker's consumer offset store through the coordinator, which validates
 * the member and generation (generation -1 is a standalone commit: Admin, {@code assign()} consumers). A partition
 * the broker does not have gets UNKNOWN_TOPIC_OR_PARTITION, the others are still committed, as in Kafka.
 * {@code retention_time_ms} (v2-4) and {@code committed_leader_epoch} (v6+) are ignored: offsets are kept until the
 * group or topic is deleted, and there is one leader epoch.
 */
public final class OffsetCommitHandler implements ApiHandler {
    private final GroupCoordinator coordinator;

    public OffsetCommitHandler(GroupCoordinator coordinator) {
        this.coordinator = coordinator;
    }

    @Override
    public CompletableFuture<Struct> handle(RequestContext context, Struct request) {
        Map<TopicPartition, OffsetCommit.Offset> offsets = new LinkedHashMap<>();
        for (Struct topic : request.get(Request.TOPICS)) {
            String name = topic.get(OffsetCommitRequestTopic.NAME);
            for (Struct p : topic.get(OffsetCommitRequestTopic.PARTITIONS)) {
                offsets.put(new TopicPartition(name, p.get(OffsetCommitRequestPartition.PARTITION_INDEX)),
                        new OffsetCommit.Offset(p.get(OffsetCommitRequestPartition.COMMITTED_OFFSET),
                                p.get(OffsetCommitRequestPartition.COMMITTED_METADATA)));
            }
        }
        OffsetCommit.Result result = coordinator.offsets().commit(new OffsetCommit.Request(
                request.get(Request.GROUP_ID), request.get(Request.GENERATION_ID_OR_MEMBER_EPOCH),
                request.get(Request.MEMBER_ID), request.get(Request.GROUP_INSTANCE_ID), offsets));
        // answered in request order, one entry per requested partition
        List<Struct> topics = new ArrayList<>();
        for (Struct topic : request.get(Request.TOPICS)) {
            String name = topic.get(OffsetCommitRequestTopic.NAME);
            List<Struct> partitions = new ArrayList<>();
            for (Struct p : topic.get(OffsetCommitRequestTopic.PARTITIONS)) {
                int index = p.get(OffsetCommitRequestPartition.PARTITION_INDEX);
                GroupError error = result.partitions().getOrDefault(new TopicPartition(name, index), result.error());
                partitions.add(new Struct(OffsetCommitResponsePartition.SCHEMA)
                        .set(OffsetCommitResponsePartition.PARTITION_INDEX, index)
                        .set(OffsetCommitResponsePartition.ERROR_CODE, GroupErrors.code(error)));
            }
            topics.add(new Struct(OffsetCommitResponseTopic.SCHEMA)
                    .set(OffsetCommitResponseTopic.NAME, name)
                    .set(OffsetCommitResponseTopic.PARTITIONS, partitions));
        }
        return CompletableFuture.completedFuture(new Struct(Response.SCHEMA)
                .set(Response.THROTTLE_TIME_MS, 0)
                .set(Response.TOPICS, topics));
    }
}
