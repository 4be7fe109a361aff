package io.ternmq.kafka.server.handler;

import io.ternmq.broker.topic.TopicConfig;
import io.ternmq.broker.topic.TopicRegistry;
import io.ternmq.kafka.codec.Struct;
import io.ternmq.kafka.codec.api.OffsetDeleteApi.Request;
import io.ternmq.kafka.codec.api.OffsetDeleteApi.Request.OffsetDeleteRequestPartition;
import io.ternmq.kafka.codec.api.OffsetDeleteApi.Request.OffsetDeleteRequestTopic;
import io.ternmq.kafka.codec.api.OffsetDeleteApi.Response;
import io.ternmq.kafka.codec.api.OffsetDeleteApi.Response.OffsetDeleteResponsePartition;
import io.ternmq.kafka.codec.api.OffsetDeleteApi.Response.OffsetDeleteResponseTopic;
import io.ternmq.kafka.group.GroupCoordinator;
import io.ternmq.kafka.group.GroupError;
import io.ternmq.kafka.group.OffsetCommit;
import io.ternmq.kafka.group.TopicPartition;
import io.ternmq.kafka.server.ApiHandler;
import io.ternmq.kafka.server.RequestContext;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * OffsetDelete (47), v0: deletes a group's committed offsets of some partitions. A group-level refusal (unknown group,
 * active group of another protocol) is the top-level error with no topics, as Kafka answers; a topic the active group
 * still subscribes to gets GROUP_SUBSCRIBED_TO_TOPIC per partition, and a partition the broker does not have
 * UNKNOWN_TOPIC_OR_PARTITION (as Kafka, which checks its metadata before asking the coordinator).
 */
public final class OffsetDeleteHandler implements ApiHandler {
    private final GroupCoordinator coordinator;
    private final TopicRegistry topics;

    public OffsetDeleteHandler(GroupCoordinator coordinator, TopicRegistry topics) {
        this.coordinator = coordinator;
        this.topics = topics;
    }

    @Override
    public CompletableFuture<Struct> handle(RequestContext context, Struct request) {
        List<TopicPartition> partitions = new ArrayList<>();
        for (Struct topic : request.get(Request.TOPICS)) {
            for (Struct p : topic.get(OffsetDeleteRequestTopic.PARTITIONS)) {
                TopicPartition partition = new TopicPartition(topic.get(OffsetDeleteRequestTopic.NAME),
                        p.get(OffsetDeleteRequestPartition.PARTITION_INDEX));
                if (exists(partition)) {
                    partitions.add(partition);
                }
            }
        }
        OffsetCommit.Result result = coordinator.offsets().delete(request.get(Request.GROUP_ID), partitions);
        List<Struct> topics = new ArrayList<>();
        if (result.error() == GroupError.NONE) {
            for (Struct topic : request.get(Request.TOPICS)) {
                String name = topic.get(OffsetDeleteRequestTopic.NAME);
                List<Struct> answered = new ArrayList<>();
                for (Struct p : topic.get(OffsetDeleteRequestTopic.PARTITIONS)) {
                    int index = p.get(OffsetDeleteRequestPartition.PARTITION_INDEX);
                    answered.add(new Struct(OffsetDeleteResponsePartition.SCHEMA)
                            .set(OffsetDeleteResponsePartition.PARTITION_INDEX, index)
                            .set(OffsetDeleteResponsePartition.ERROR_CODE, GroupErrors.code(result.partitions()
                                    .getOrDefault(new TopicPartition(name, index),
                                            GroupError.UNKNOWN_TOPIC_OR_PARTITION))));
                }
                topics.add(new Struct(OffsetDeleteResponseTopic.SCHEMA)
                        .set(OffsetDeleteResponseTopic.NAME, name)
                        .set(OffsetDeleteResponseTopic.PARTITIONS, answered));
            }
        }
        return CompletableFuture.completedFuture(new Struct(Response.SCHEMA)
                .set(Response.ERROR_CODE, GroupErrors.code(result.error()))
                .set(Response.THROTTLE_TIME_MS, 0)
                .set(Response.TOPICS, topics));
    }

    private boolean exists(TopicPartition partition) {
        return topics.get(partition.topic()).map((TopicConfig c) -> c.hasQueue(partition.partition())).orElse(false);
    }
}
