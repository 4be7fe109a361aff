package io.ternmq.kafka.server.handler;

import io.ternmq.kafka.codec.Struct;
import io.ternmq.kafka.codec.api.SyncGroupApi.Request;
import io.ternmq.kafka.codec.api.SyncGroupApi.Request.SyncGroupRequestAssignment;
import io.ternmq.kafka.codec.api.SyncGroupApi.Response;
import io.ternmq.kafka.group.GroupCoordinator;
import io.ternmq.kafka.group.SyncGroup;
import io.ternmq.kafka.server.ApiHandler;
import io.ternmq.kafka.server.RequestContext;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * SyncGroup (14), v0-3. Asynchronous like JoinGroup: a follower's future completes when the leader's assignments
 * arrive (or the group rebalances again). Assignments are stored and handed out as opaque bytes. v0-3 carry no
 * protocol type/name, so those are not checked.
 */
public final class SyncGroupHandler implements ApiHandler {
    private final GroupCoordinator coordinator;

    public SyncGroupHandler(GroupCoordinator coordinator) {
        this.coordinator = coordinator;
    }

    @Override
    public CompletableFuture<Struct> handle(RequestContext context, Struct request) {
        Map<String, byte[]> assignments = new HashMap<>();
        for (Struct a : request.get(Request.ASSIGNMENTS)) {
            assignments.putIfAbsent(a.get(SyncGroupRequestAssignment.MEMBER_ID),
                    a.get(SyncGroupRequestAssignment.ASSIGNMENT));
        }
        SyncGroup.Request sync = new SyncGroup.Request(request.get(Request.GROUP_ID),
                request.get(Request.GENERATION_ID), request.get(Request.MEMBER_ID),
                request.get(Request.GROUP_INSTANCE_ID), null, null, assignments);
        return coordinator.sync(sync).thenApply(result -> new Struct(Response.SCHEMA)
                .set(Response.THROTTLE_TIME_MS, 0)
                .set(Response.ERROR_CODE, GroupErrors.code(result.error()))
                .set(Response.ASSIGNMENT, result.assignment()));
    }
}
