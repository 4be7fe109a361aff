package io.ternmq.kafka.server.handler;

import io.ternmq.kafka.codec.KafkaError;
import io.ternmq.kafka.codec.Struct;
import io.ternmq.kafka.codec.api.ListGroupsApi.Response;
import io.ternmq.kafka.codec.api.ListGroupsApi.Response.ListedGroup;
import io.ternmq.kafka.group.GroupCoordinator;
import io.ternmq.kafka.group.GroupListing;
import io.ternmq.kafka.server.ApiHandler;
import io.ternmq.kafka.server.RequestContext;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * ListGroups (16), v0-2: every Kafka group the coordinator knows plus every group with committed offsets in the
 * broker (native groups included, with protocol type ""), so Kafka tools see the same groups mqadmin does.
 */
public final class ListGroupsHandler implements ApiHandler {
    private final GroupCoordinator coordinator;

    public ListGroupsHandler(GroupCoordinator coordinator) {
        this.coordinator = coordinator;
    }

    @Override
    public CompletableFuture<Struct> handle(RequestContext context, Struct request) {
        List<Struct> groups = new ArrayList<>();
        for (GroupListing g : coordinator.admin().list(Set.of())) {
            groups.add(new Struct(ListedGroup.SCHEMA)
                    .set(ListedGroup.GROUP_ID, g.groupId())
                    .set(ListedGroup.PROTOCOL_TYPE, g.protocolType()));
        }
        return CompletableFuture.completedFuture(new Struct(Response.SCHEMA)
                .set(Response.THROTTLE_TIME_MS, 0)
                .set(Response.ERROR_CODE, KafkaError.NONE.code())
                .set(Response.GROUPS, groups));
    }
}
