package io.ternmq.kafka.server.handler;

import io.ternmq.kafka.codec.KafkaError;
import io.ternmq.kafka.codec.Struct;
import io.ternmq.kafka.codec.api.FindCoordinatorApi.Response;
import io.ternmq.kafka.server.ApiHandler;
import io.ternmq.kafka.server.LocalNode;
import io.ternmq.kafka.server.RequestContext;

import java.util.concurrent.CompletableFuture;

/** FindCoordinator (10): this broker coordinates every group and transactional id (a cluster of one). */
public final class FindCoordinatorHandler implements ApiHandler {
    private final LocalNode node;

    public FindCoordinatorHandler(LocalNode node) {
        this.node = node;
    }

    @Override
    public CompletableFuture<Struct> handle(RequestContext context, Struct request) {
        return CompletableFuture.completedFuture(new Struct(Response.SCHEMA)
                .set(Response.THROTTLE_TIME_MS, 0)
                .set(Response.ERROR_CODE, KafkaError.NONE.code())
                .set(Response.NODE_ID, LocalNode.NODE_ID)
                .set(Response.HOST, node.host())
                .set(Response.PORT, node.port()));
    }
}
