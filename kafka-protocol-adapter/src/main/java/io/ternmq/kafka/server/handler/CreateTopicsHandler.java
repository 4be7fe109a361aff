package io.ternmq.kafka.server.handler;

import io.ternmq.broker.handler.admin.CreateTopicHandler;
import io.ternmq.broker.topic.TopicConfig;
import io.ternmq.broker.topic.TopicRegistry;
import io.ternmq.kafka.codec.KafkaError;
import io.ternmq.kafka.codec.Struct;
import io.ternmq.kafka.codec.api.CreateTopicsApi.Request;
import io.ternmq.kafka.codec.api.CreateTopicsApi.Request.CreatableReplicaAssignment;
import io.ternmq.kafka.codec.api.CreateTopicsApi.Request.CreatableTopic;
import io.ternmq.kafka.codec.api.CreateTopicsApi.Response;
import io.ternmq.kafka.codec.api.CreateTopicsApi.Response.CreatableTopicResult;
import io.ternmq.kafka.server.ApiHandler;
import io.ternmq.kafka.server.LocalNode;
import io.ternmq.kafka.server.RequestContext;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * CreateTopics (19): creates broker topics with one queue per partition. {@code num_partitions = -1} takes the
 * broker's {@code defaultTopicQueueNums}; replication factor -1 or 1 is accepted, anything above 1 is
 * INVALID_REPLICATION_FACTOR (a single broker holds one copy). Manual assignments are accepted when every partition
 * is placed on this node only. {@code validate_only} checks without creating. Topic configs are accepted and not
 * applied (retention and size limits are broker-wide).
 */
public final class CreateTopicsHandler implements ApiHandler {
    private final TopicRegistry topics;
    private final int defaultPartitions;

    public CreateTopicsHandler(TopicRegistry topics, int defaultPartitions) {
        this.topics = topics;
        this.defaultPartitions = defaultPartitions;
    }

    @Override
    public CompletableFuture<Struct> handle(RequestContext context, Struct request) {
        List<Struct> wanted = request.get(Request.TOPICS);
        Map<String, Integer> occurrences = new HashMap<>();
        wanted.forEach(t -> occurrences.merge(t.get(CreatableTopic.NAME), 1, Integer::sum));
        boolean validateOnly = request.get(Request.VALIDATE_ONLY);
        List<Struct> results = new ArrayList<>(wanted.size());
        for (Struct topic : wanted) {
            String name = topic.get(CreatableTopic.NAME);
            TopicResult result = occurrences.get(name) > 1
                    ? TopicResult.of(KafkaError.INVALID_REQUEST, "Create topics request contains duplicate topic "
                    + "name '" + name + "'")
                    : create(topic, validateOnly);
            results.add(new Struct(CreatableTopicResult.SCHEMA)
                    .set(CreatableTopicResult.NAME, name)
                    .set(CreatableTopicResult.ERROR_CODE, result.error().code())
                    .set(CreatableTopicResult.ERROR_MESSAGE, result.message()));
        }
        return CompletableFuture.completedFuture(new Struct(Response.SCHEMA)
                .set(Response.THROTTLE_TIME_MS, 0)
                .set(Response.TOPICS, results));
    }

    private TopicResult create(Struct topic, boolean validateOnly) {
        String name = topic.get(CreatableTopic.NAME);
        var problem = KafkaTopicNames.problem(name);
        if (problem.isPresent()) {
            return TopicResult.of(KafkaError.INVALID_TOPIC_EXCEPTION, problem.get());
        }
        if (KafkaTopicNames.isInternal(name)) {
            return TopicResult.of(KafkaError.INVALID_TOPIC_EXCEPTION, "Topic name '" + name + "' is reserved");
        }
        List<Struct> assignments = topic.get(CreatableTopic.ASSIGNMENTS);
        int partitions = topic.get(CreatableTopic.NUM_PARTITIONS);
        short replicationFactor = topic.get(CreatableTopic.REPLICATION_FACTOR);
        if (!assignments.isEmpty()) {
            if (partitions != -1 || replicationFactor != -1) {
                return TopicResult.of(KafkaError.INVALID_REQUEST, "Both numPartitions or replicationFactor and "
                        + "replicasAssignments were set. Both cannot be used at the same time.");
            }
            for (Struct assignment : assignments) {
                if (!assignment.get(CreatableReplicaAssignment.BROKER_IDS).equals(List.of(LocalNode.NODE_ID))) {
                    return TopicResult.of(KafkaError.INVALID_REPLICA_ASSIGNMENT, "Partitions can only be placed on "
                            + "broker " + LocalNode.NODE_ID + ", the only broker, with one replica");
                }
            }
            partitions = assignments.size();
        }
        if (partitions == -1) {
            partitions = defaultPartitions;
        }
        if (partitions < 1 || partitions > CreateTopicHandler.MAX_QUEUE_NUMS) {
            return TopicResult.of(KafkaError.INVALID_PARTITIONS, "Number of partitions must be between 1 and "
                    + CreateTopicHandler.MAX_QUEUE_NUMS + ", was " + partitions);
        }
        if (replicationFactor > 1) {
            return TopicResult.of(KafkaError.INVALID_REPLICATION_FACTOR, "Replication factor: " + replicationFactor
                    + " larger than available brokers: 1 (TernMQ serves Kafka from a single node; use 1 or -1)");
        }
        if (replicationFactor == 0 || replicationFactor < -1) {
            return TopicResult.of(KafkaError.INVALID_REPLICATION_FACTOR, "Replication factor must be 1 or -1, was "
                    + replicationFactor);
        }
        // check and create under the registry's lock, so two concurrent creates cannot both succeed
        synchronized (topics) {
            if (topics.get(name).isPresent()) {
                return TopicResult.of(KafkaError.TOPIC_ALREADY_EXISTS, "Topic '" + name + "' already exists.");
            }
            if (!validateOnly) {
                topics.put(new TopicConfig(name, partitions, TopicConfig.PERM_READ_WRITE, false));
            }
        }
        return TopicResult.OK;
    }
}
