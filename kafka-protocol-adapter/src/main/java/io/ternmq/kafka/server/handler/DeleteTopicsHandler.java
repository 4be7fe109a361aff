package io.ternmq.kafka.server.handler;

import io.ternmq.broker.core.BrokerCore;
import io.ternmq.kafka.codec.KafkaError;
import io.ternmq.kafka.codec.Struct;
import io.ternmq.kafka.codec.api.DeleteTopicsApi.Request;
import io.ternmq.kafka.codec.api.DeleteTopicsApi.Response;
import io.ternmq.kafka.codec.api.DeleteTopicsApi.Response.DeletableTopicResult;
import io.ternmq.kafka.server.ApiHandler;
import io.ternmq.kafka.server.RequestContext;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * DeleteTopics (20): deletes the topic with its consumer offsets and stored queues ({@link BrokerCore#deleteTopic}),
 * the same as the native DELETE_TOPIC. Internal topics cannot be deleted through Kafka.
 */
public final class DeleteTopicsHandler implements ApiHandler {
    private final BrokerCore core;

    public DeleteTopicsHandler(BrokerCore core) {
        this.core = core;
    }

    @Override
    public CompletableFuture<Struct> handle(RequestContext context, Struct request) {
        List<Struct> results = new ArrayList<>();
        for (String name : request.get(Request.TOPIC_NAMES)) {
            results.add(new Struct(DeletableTopicResult.SCHEMA)
                    .set(DeletableTopicResult.NAME, name)
                    .set(DeletableTopicResult.ERROR_CODE, delete(name).code()));
        }
        return CompletableFuture.completedFuture(new Struct(Response.SCHEMA)
                .set(Response.THROTTLE_TIME_MS, 0)
                .set(Response.RESPONSES, results));
    }

    private KafkaError delete(String name) {
        if (KafkaTopicNames.problem(name).isPresent() || KafkaTopicNames.isInternal(name)) {
            return KafkaError.INVALID_TOPIC_EXCEPTION;
        }
        return core.deleteTopic(name) ? KafkaError.NONE : KafkaError.UNKNOWN_TOPIC_OR_PARTITION;
    }
}
