package io.ternmq.kafka.server.handler;

import io.ternmq.broker.topic.TopicCheck;
import io.ternmq.broker.topic.TopicConfig;
import io.ternmq.broker.topic.TopicRegistry;
import io.ternmq.kafka.codec.KafkaError;
import io.ternmq.kafka.codec.Struct;
import io.ternmq.kafka.codec.api.MetadataApi.Request;
import io.ternmq.kafka.codec.api.MetadataApi.Response;
import io.ternmq.kafka.codec.api.MetadataApi.Response.MetadataResponsePartition;
import io.ternmq.kafka.codec.api.MetadataApi.Response.MetadataResponseTopic;
import io.ternmq.kafka.server.ApiHandler;
import io.ternmq.kafka.server.LocalNode;
import io.ternmq.kafka.server.RequestContext;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Metadata (3): this broker is the only node, leader of every partition (a partition is a queue: partitions =
 * the topic's queue count), sole replica and ISR, and the controller. Leader epochs are -1, so clients skip leader
 * epoch validation.
 *
 * <p>Topics: null (v1+) or empty (v0) = every user topic (internal ones are left out). A requested topic that does not
 * exist is created when the request allows it (always for v0-3, {@code allow_auto_topic_creation} from v4) and the
 * broker's {@code autoCreateTopicEnable} does, through the same path as a native send; otherwise
 * UNKNOWN_TOPIC_OR_PARTITION. Illegal names get INVALID_TOPIC_EXCEPTION.
 */
public final class MetadataHandler implements ApiHandler {
    private static final List<Integer> THIS_NODE = List.of(LocalNode.NODE_ID);

    private final TopicRegistry topics;
    private final LocalNode node;

    public MetadataHandler(TopicRegistry topics, LocalNode node) {
        this.topics = topics;
        this.node = node;
    }

    @Override
    public CompletableFuture<Struct> handle(RequestContext context, Struct request) {
        List<Struct> requested = request.get(Request.TOPICS);
        List<Struct> described = new ArrayList<>();
        if (requested == null || context.version() == 0 && requested.isEmpty()) {
            for (TopicConfig topic : topics.all()) {
                if (!KafkaTopicNames.isInternal(topic.name()) && KafkaTopicNames.problem(topic.name()).isEmpty()) {
                    described.add(topic(topic));
                }
            }
        } else {
            boolean allowAutoCreate = request.get(Request.ALLOW_AUTO_TOPIC_CREATION);
            for (Struct wanted : requested) {
                described.add(describe(wanted.get(Request.MetadataRequestTopic.NAME), allowAutoCreate));
            }
        }
        Struct broker = new Struct(Response.MetadataResponseBroker.SCHEMA)
                .set(Response.MetadataResponseBroker.NODE_ID, LocalNode.NODE_ID)
                .set(Response.MetadataResponseBroker.HOST, node.host())
                .set(Response.MetadataResponseBroker.PORT, node.port());
        return CompletableFuture.completedFuture(new Struct(Response.SCHEMA)
                .set(Response.THROTTLE_TIME_MS, 0)
                .set(Response.BROKERS, List.of(broker))
                .set(Response.CLUSTER_ID, node.clusterId())
                .set(Response.CONTROLLER_ID, LocalNode.NODE_ID)
                .set(Response.TOPICS, described));
    }

    private Struct describe(String name, boolean allowAutoCreate) {
        if (KafkaTopicNames.problem(name).isPresent()) {
            return error(name, KafkaError.INVALID_TOPIC_EXCEPTION);
        }
        Optional<TopicConfig> topic = topics.get(name);
        if (topic.isEmpty() && allowAutoCreate && !KafkaTopicNames.isInternal(name)
                && topics.checkWrite(name, 0) == TopicCheck.OK) {
            topic = topics.get(name);
        }
        return topic.map(this::topic).orElseGet(() -> error(name, KafkaError.UNKNOWN_TOPIC_OR_PARTITION));
    }

    private Struct topic(TopicConfig topic) {
        List<Struct> partitions = new ArrayList<>(topic.queueNums());
        for (int queue = 0; queue < topic.queueNums(); queue++) {
            partitions.add(new Struct(MetadataResponsePartition.SCHEMA)
                    .set(MetadataResponsePartition.ERROR_CODE, KafkaError.NONE.code())
                    .set(MetadataResponsePartition.PARTITION_INDEX, queue)
                    .set(MetadataResponsePartition.LEADER_ID, LocalNode.NODE_ID)
                    .set(MetadataResponsePartition.REPLICA_NODES, THIS_NODE)
                    .set(MetadataResponsePartition.ISR_NODES, THIS_NODE));
        }
        return new Struct(MetadataResponseTopic.SCHEMA)
                .set(MetadataResponseTopic.ERROR_CODE, KafkaError.NONE.code())
                .set(MetadataResponseTopic.NAME, topic.name())
                .set(MetadataResponseTopic.IS_INTERNAL, KafkaTopicNames.isInternal(topic.name()))
                .set(MetadataResponseTopic.PARTITIONS, partitions);
    }

    private static Struct error(String name, KafkaError error) {
        return new Struct(MetadataResponseTopic.SCHEMA)
                .set(MetadataResponseTopic.ERROR_CODE, error.code())
                .set(MetadataResponseTopic.NAME, name);
    }
}
