package io.ternmq.kafka.server.handler;

import io.ternmq.kafka.codec.Struct;
import io.ternmq.kafka.codec.api.HeartbeatApi.Request;
import io.ternmq.kafka.codec.api.HeartbeatApi.Response;
import io.ternmq.kafka.group.GroupCoordinator;
import io.ternmq.kafka.group.GroupError;
import io.ternmq.kafka.server.ApiHandler;
import io.ternmq.kafka.server.RequestContext;

import java.util.concurrent.CompletableFuture;

/** Heartbeat (12), v0-3: keeps the member's session alive; REBALANCE_IN_PROGRESS tells it to rejoin. */
public final class HeartbeatHandler implements ApiHandler {
    private final GroupCoordinator coordinator;

    public HeartbeatHandler(GroupCoordinator coordinator) {
        this.coordinator = coordinator;
    }

    @Override
    public CompletableFuture<Struct> handle(RequestContext context, Struct request) {
        GroupError error = coordinator.heartbeat(request.get(Request.GROUP_ID), request.get(Request.GENERATION_ID),
                request.get(Request.MEMBER_ID), request.get(Request.GROUP_INSTANCE_ID));
        return CompletableFuture.completedFuture(new Struct(Response.SCHEMA)
                .set(Response.THROTTLE_TIME_MS, 0)
                .set(Response.ERROR_CODE, GroupErrors.code(error)));
    }
}
