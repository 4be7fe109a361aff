package io.ternmq.kafka.server.handler;

import io.ternmq.kafka.codec.Struct;
import io.ternmq.kafka.codec.api.DeleteGroupsApi.Request;
import io.ternmq.kafka.codec.api.DeleteGroupsApi.Response;
import io.ternmq.kafka.codec.api.DeleteGroupsApi.Response.DeletableGroupResult;
import io.ternmq.kafka.group.GroupCoordinator;
import io.ternmq.kafka.server.ApiHandler;
import io.ternmq.kafka.server.RequestContext;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * DeleteGroups (42), v0-1: removes groups without members together with their committed offsets in the broker
 * (NON_EMPTY_GROUP while members remain, GROUP_ID_NOT_FOUND for groups nobody knows).
 */
public final class DeleteGroupsHandler implements ApiHandler {
    private final GroupCoordinator coordinator;

    public DeleteGroupsHandler(GroupCoordinator coordinator) {
        this.coordinator = coordinator;
    }

    @Override
    public CompletableFuture<Struct> handle(RequestContext context, Struct request) {
        List<Struct> results = new ArrayList<>();
        coordinator.admin().delete(request.get(Request.GROUPS_NAMES)).forEach((group, error) ->
                results.add(new Struct(DeletableGroupResult.SCHEMA)
                        .set(DeletableGroupResult.GROUP_ID, group)
                        .set(DeletableGroupResult.ERROR_CODE, GroupErrors.code(error))));
        return CompletableFuture.completedFuture(new Struct(Response.SCHEMA)
                .set(Response.THROTTLE_TIME_MS, 0)
                .set(Response.RESULTS, results));
    }
}
