package io.ternmq.kafka.server.handler;

import io.ternmq.broker.config.BrokerConfig;
import io.ternmq.broker.config.BrokerConfigKeys;
import io.ternmq.broker.topic.TopicRegistry;
import io.ternmq.kafka.codec.KafkaError;
import io.ternmq.kafka.codec.Struct;
import io.ternmq.kafka.codec.api.DescribeConfigsApi.Request;
import io.ternmq.kafka.codec.api.DescribeConfigsApi.Request.DescribeConfigsResource;
import io.ternmq.kafka.codec.api.DescribeConfigsApi.Response;
import io.ternmq.kafka.codec.api.DescribeConfigsApi.Response.DescribeConfigsResourceResult;
import io.ternmq.kafka.codec.api.DescribeConfigsApi.Response.DescribeConfigsResult;
import io.ternmq.kafka.server.LocalNode;
import io.ternmq.kafka.server.ApiHandler;
import io.ternmq.kafka.server.RequestContext;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * DescribeConfigs (32) for topics (resource type 2) and this broker (type 4, name "0" or "" for the cluster
 * default): the Kafka configs that tools, Connect and Streams read, with the values this broker actually applies
 * (retention from {@code fileReservedTime}, message size from {@code maxMessageSize}, partitions from
 * {@code defaultTopicQueueNums}). Every topic has the broker's values, and none can be altered, so every entry is
 * read-only. Other resource types get INVALID_REQUEST.
 */
public final class DescribeConfigsHandler implements ApiHandler {
    private static final byte TOPIC = 2;
    private static final byte BROKER = 4;

    private final TopicRegistry topics;
    private final List<ConfigEntry> topicEntries;
    private final List<ConfigEntry> brokerEntries;

    public DescribeConfigsHandler(TopicRegistry topics, BrokerConfig config) {
        this.topics = topics;
        String retentionMs = Long.toString(config.get(BrokerConfigKeys.FILE_RESERVED_TIME) * 3_600_000L);
        String maxMessage = Integer.toString(config.get(BrokerConfigKeys.MAX_MESSAGE_SIZE));
        String segment = Long.toString(config.get(BrokerConfigKeys.MAPPED_FILE_SIZE_COMMIT_LOG));
        this.topicEntries = List.of(
                fixed("cleanup.policy", "delete", ConfigEntry.STRING, "Messages expire by time; no compaction."),
                broker("retention.ms", retentionMs, ConfigEntry.LONG, "fileReservedTime in milliseconds."),
                fixed("retention.bytes", "-1", ConfigEntry.LONG, "No size-based retention per partition."),
                broker("segment.bytes", segment, ConfigEntry.INT, "mappedFileSizeCommitLog (segments are shared)."),
                broker("max.message.bytes", maxMessage, ConfigEntry.INT, "maxMessageSize."),
                fixed("message.timestamp.type", "CreateTime", ConfigEntry.STRING, "Producer timestamps are kept."),
                fixed("min.insync.replicas", "1", ConfigEntry.INT, "A single node."),
                fixed("compression.type", "producer", ConfigEntry.STRING, "Batches are stored as produced."));
        this.brokerEntries = List.of(
                broker("log.retention.ms", retentionMs, ConfigEntry.LONG, "fileReservedTime in milliseconds."),
                broker("message.max.bytes", maxMessage, ConfigEntry.INT, "maxMessageSize."),
                broker("log.segment.bytes", segment, ConfigEntry.INT, "mappedFileSizeCommitLog."),
                broker("num.partitions", Integer.toString(config.get(BrokerConfigKeys.DEFAULT_TOPIC_QUEUE_NUMS)),
                        ConfigEntry.INT, "defaultTopicQueueNums."),
                broker("auto.create.topics.enable",
                        Boolean.toString(config.get(BrokerConfigKeys.AUTO_CREATE_TOPIC_ENABLE)), ConfigEntry.BOOLEAN,
                        "autoCreateTopicEnable."),
                fixed("default.replication.factor", "1", ConfigEntry.INT, "A single node."),
                fixed("min.insync.replicas", "1", ConfigEntry.INT, "A single node."),
                fixed("log.cleanup.policy", "delete", ConfigEntry.STRING, "No compaction."),
                fixed("log.message.timestamp.type", "CreateTime", ConfigEntry.STRING, "Producer timestamps are kept."),
                fixed("compression.type", "producer", ConfigEntry.STRING, "Batches are stored as produced."));
    }

    @Override
    public CompletableFuture<Struct> handle(RequestContext context, Struct request) {
        boolean withDocs = request.get(Request.INCLUDE_DOCUMENTATION);
        List<Struct> results = new ArrayList<>();
        for (Struct resource : request.get(Request.RESOURCES)) {
            results.add(describe(resource, withDocs));
        }
        return CompletableFuture.completedFuture(new Struct(Response.SCHEMA)
                .set(Response.THROTTLE_TIME_MS, 0)
                .set(Response.RESULTS, results));
    }

    private Struct describe(Struct resource, boolean withDocs) {
        byte type = resource.get(DescribeConfigsResource.RESOURCE_TYPE);
        String name = resource.get(DescribeConfigsResource.RESOURCE_NAME);
        Struct result = new Struct(DescribeConfigsResult.SCHEMA)
                .set(DescribeConfigsResult.RESOURCE_TYPE, type)
                .set(DescribeConfigsResult.RESOURCE_NAME, name);
        List<ConfigEntry> entries;
        if (type == TOPIC) {
            if (KafkaTopicNames.problem(name).isPresent()) {
                return error(result, KafkaError.INVALID_TOPIC_EXCEPTION, "Invalid topic name '" + name + "'");
            }
            if (topics.get(name).isEmpty()) {
                return error(result, KafkaError.UNKNOWN_TOPIC_OR_PARTITION, "Topic '" + name + "' does not exist");
            }
            entries = topicEntries;
        } else if (type == BROKER) {
            if (!name.isEmpty() && !name.equals(Integer.toString(LocalNode.NODE_ID))) {
                return error(result, KafkaError.INVALID_REQUEST, "Unknown broker id '" + name + "'; this cluster has"
                        + " broker " + LocalNode.NODE_ID + " only");
            }
            entries = brokerEntries;
        } else {
            return error(result, KafkaError.INVALID_REQUEST, "Resource type " + type + " is not supported");
        }
        List<String> only = resource.get(DescribeConfigsResource.CONFIGURATION_KEYS);
        List<Struct> configs = new ArrayList<>();
        for (ConfigEntry entry : entries) {
            if (only == null || only.isEmpty() || only.contains(entry.name())) {
                configs.add(new Struct(DescribeConfigsResourceResult.SCHEMA)
                        .set(DescribeConfigsResourceResult.NAME, entry.name())
                        .set(DescribeConfigsResourceResult.VALUE, entry.value())
                        .set(DescribeConfigsResourceResult.READ_ONLY, true)
                        .set(DescribeConfigsResourceResult.CONFIG_SOURCE, entry.source())
                        .set(DescribeConfigsResourceResult.CONFIG_TYPE, entry.type())
                        .set(DescribeConfigsResourceResult.DOCUMENTATION, withDocs ? entry.doc() : null));
            }
        }
        return result.set(DescribeConfigsResult.ERROR_CODE, KafkaError.NONE.code())
                .set(DescribeConfigsResult.CONFIGS, configs);
    }

    private static Struct error(Struct result, KafkaError error, String message) {
        return result.set(DescribeConfigsResult.ERROR_CODE, error.code())
                .set(DescribeConfigsResult.ERROR_MESSAGE, message);
    }

    private static ConfigEntry fixed(String name, String value, byte type, String doc) {
        return new ConfigEntry(name, value, ConfigEntry.DEFAULT_CONFIG, type, doc);
    }

    private static ConfigEntry broker(String name, String value, byte type, String doc) {
        return new ConfigEntry(name, value, ConfigEntry.STATIC_BROKER_CONFIG, type, doc);
    }
}
