package io.ternmq.kafka.server.handler;

import io.ternmq.kafka.codec.Struct;
import io.ternmq.kafka.codec.api.OffsetFetchApi.Request;
import io.ternmq.kafka.codec.api.OffsetFetchApi.Request.OffsetFetchRequestTopic;
import io.ternmq.kafka.codec.api.OffsetFetchApi.Response;
import io.ternmq.kafka.codec.api.OffsetFetchApi.Response.OffsetFetchResponsePartition;
import io.ternmq.kafka.codec.api.OffsetFetchApi.Response.OffsetFetchResponseTopic;
import io.ternmq.kafka.group.GroupCoordinator;
import io.ternmq.kafka.group.GroupError;
import io.ternmq.kafka.group.OffsetFetch;
import io.ternmq.kafka.group.TopicPartition;
import io.ternmq.kafka.server.ApiHandler;
import io.ternmq.kafka.server.RequestContext;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * OffsetFetch (9), v1-5, from the broker's consumer offset store. A partition without a committed offset answers
 * offset -1, metadata "" and NONE (the consumer then applies {@code auto.offset.reset}). v2+ may ask for every
 * committed partition ({@code topics} null) and have a top-level error; v1 has only per-partition errors. v5's
 * {@code committed_leader_epoch} is always -1.
 */
public final class OffsetFetchHandler implements ApiHandler {
    private final GroupCoordinator coordinator;

    public OffsetFetchHandler(GroupCoordinator coordinator) {
        this.coordinator = coordinator;
    }

    @Override
    public CompletableFuture<Struct> handle(RequestContext context, Struct request) {
        List<Struct> requested = request.get(Request.TOPICS);
        List<TopicPartition> partitions = null;
        if (requested != null) {
            partitions = new ArrayList<>();
            for (Struct topic : requested) {
                for (int index : topic.get(OffsetFetchRequestTopic.PARTITION_INDEXES)) {
                    partitions.add(new TopicPartition(topic.get(OffsetFetchRequestTopic.NAME), index));
                }
            }
        }
        OffsetFetch.Result result = coordinator.offsets().fetch(request.get(Request.GROUP_ID), partitions);
        boolean topLevelError = context.version() >= 2;
        Map<String, List<Struct>> byTopic = new LinkedHashMap<>();
        for (OffsetFetch.PartitionOffset p : result.partitions()) {
            GroupError error = p.error() == GroupError.NONE && !topLevelError ? result.error() : p.error();
            byTopic.computeIfAbsent(p.partition().topic(), t -> new ArrayList<>())
                    .add(new Struct(OffsetFetchResponsePartition.SCHEMA)
                            .set(OffsetFetchResponsePartition.PARTITION_INDEX, p.partition().partition())
                            .set(OffsetFetchResponsePartition.COMMITTED_OFFSET, p.offset())
                            .set(OffsetFetchResponsePartition.METADATA, p.metadata())
                            .set(OffsetFetchResponsePartition.ERROR_CODE, GroupErrors.code(error)));
        }
        List<Struct> topics = new ArrayList<>();
        byTopic.forEach((name, list) -> topics.add(new Struct(OffsetFetchResponseTopic.SCHEMA)
                .set(OffsetFetchResponseTopic.NAME, name)
                .set(OffsetFetchResponseTopic.PARTITIONS, list)));
        return CompletableFuture.completedFuture(new Struct(Response.SCHEMA)
                .set(Response.THROTTLE_TIME_MS, 0)
                .set(Response.TOPICS, topics)
                .set(Response.ERROR_CODE, GroupErrors.code(result.error())));
    }
}
