package io.ternmq.kafka.server.handler;

import io.ternmq.broker.handler.admin.CreateTopicHandler;
import io.ternmq.broker.topic.TopicConfig;
import io.ternmq.broker.topic.TopicRegistry;
import io.ternmq.kafka.codec.KafkaError;
import io.ternmq.kafka.codec.Struct;
import io.ternmq.kafka.codec.api.CreatePartitionsApi.Request;
import io.ternmq.kafka.codec.api.CreatePartitionsApi.Request.CreatePartitionsAssignment;
import io.ternmq.kafka.codec.api.CreatePartitionsApi.Request.CreatePartitionsTopic;
import io.ternmq.kafka.codec.api.CreatePartitionsApi.Response;
import io.ternmq.kafka.codec.api.CreatePartitionsApi.Response.CreatePartitionsTopicResult;
import io.ternmq.kafka.server.ApiHandler;
import io.ternmq.kafka.server.LocalNode;
import io.ternmq.kafka.server.RequestContext;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * CreatePartitions (37): grows a topic's queue count to the requested partition count. Kafka never shrinks a topic:
 * a count at or below the current one is INVALID_PARTITIONS. New partitions may only be assigned to this node.
 * {@code validate_only} checks without changing anything.
 */
public final class CreatePartitionsHandler implements ApiHandler {
    private final TopicRegistry topics;

    public CreatePartitionsHandler(TopicRegistry topics) {
        this.topics = topics;
    }

    @Override
    public CompletableFuture<Struct> handle(RequestContext context, Struct request) {
        boolean validateOnly = request.get(Request.VALIDATE_ONLY);
        List<Struct> results = new ArrayList<>();
        for (Struct topic : request.get(Request.TOPICS)) {
            TopicResult result = grow(topic, validateOnly);
            results.add(new Struct(CreatePartitionsTopicResult.SCHEMA)
                    .set(CreatePartitionsTopicResult.NAME, topic.get(CreatePartitionsTopic.NAME))
                    .set(CreatePartitionsTopicResult.ERROR_CODE, result.error().code())
                    .set(CreatePartitionsTopicResult.ERROR_MESSAGE, result.message()));
        }
        return CompletableFuture.completedFuture(new Struct(Response.SCHEMA)
                .set(Response.THROTTLE_TIME_MS, 0)
                .set(Response.RESULTS, results));
    }

    private TopicResult grow(Struct topic, boolean validateOnly) {
        String name = topic.get(CreatePartitionsTopic.NAME);
        int count = topic.get(CreatePartitionsTopic.COUNT);
        List<Struct> assignments = topic.get(CreatePartitionsTopic.ASSIGNMENTS);
        if (assignments != null && assignments.stream().anyMatch(
                a -> !a.get(CreatePartitionsAssignment.BROKER_IDS).equals(List.of(LocalNode.NODE_ID)))) {
            return TopicResult.of(KafkaError.INVALID_REPLICA_ASSIGNMENT, "New partitions can only be placed on broker "
                    + LocalNode.NODE_ID + ", the only broker");
        }
        if (KafkaTopicNames.isInternal(name)) {
            return TopicResult.of(KafkaError.INVALID_REQUEST, "Topic '" + name + "' is internal");
        }
        synchronized (topics) {
            Optional<TopicConfig> current = topics.get(name);
            if (current.isEmpty()) {
                return TopicResult.of(KafkaError.UNKNOWN_TOPIC_OR_PARTITION, "The topic '" + name
                        + "' does not exist.");
            }
            int existing = current.get().queueNums();
            if (count == existing) {
                return TopicResult.of(KafkaError.INVALID_PARTITIONS, "Topic already has " + existing
                        + " partitions.");
            }
            if (count < existing) {
                return TopicResult.of(KafkaError.INVALID_PARTITIONS, "Topic currently has " + existing
                        + " partitions, which is higher than the requested " + count + ".");
            }
            if (count > CreateTopicHandler.MAX_QUEUE_NUMS) {
                return TopicResult.of(KafkaError.INVALID_PARTITIONS, "A topic has at most "
                        + CreateTopicHandler.MAX_QUEUE_NUMS + " partitions, requested " + count);
            }
            if (!validateOnly) {
                TopicConfig config = current.get();
                topics.put(new TopicConfig(name, count, config.perm(), config.order()));
            }
        }
        return TopicResult.OK;
    }
}
