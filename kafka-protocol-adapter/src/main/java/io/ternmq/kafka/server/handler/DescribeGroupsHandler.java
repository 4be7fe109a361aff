package io.ternmq.kafka.server.handler;

import io.ternmq.kafka.codec.Struct;
import io.ternmq.kafka.codec.api.DescribeGroupsApi.Request;
import io.ternmq.kafka.codec.api.DescribeGroupsApi.Response;
import io.ternmq.kafka.codec.api.DescribeGroupsApi.Response.DescribedGroup;
import io.ternmq.kafka.codec.api.DescribeGroupsApi.Response.DescribedGroupMember;
import io.ternmq.kafka.group.GroupCoordinator;
import io.ternmq.kafka.group.GroupDescription;
import io.ternmq.kafka.group.GroupError;
import io.ternmq.kafka.server.ApiHandler;
import io.ternmq.kafka.server.RequestContext;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * DescribeGroups (15), v0-4. An unknown group is described as state "Dead" with error NONE: GROUP_ID_NOT_FOUND
 * belongs to v6+, which is not served. Authorized operations (v3+) are not computed (left at "not requested").
 */
public final class DescribeGroupsHandler implements ApiHandler {
    private final GroupCoordinator coordinator;

    public DescribeGroupsHandler(GroupCoordinator coordinator) {
        this.coordinator = coordinator;
    }

    @Override
    public CompletableFuture<Struct> handle(RequestContext context, Struct request) {
        List<Struct> groups = new ArrayList<>();
        for (GroupDescription g : coordinator.admin().describe(request.get(Request.GROUPS))) {
            GroupError error = g.error() == GroupError.GROUP_ID_NOT_FOUND ? GroupError.NONE : g.error();
            List<Struct> members = new ArrayList<>();
            for (GroupDescription.Member m : g.members()) {
                members.add(new Struct(DescribedGroupMember.SCHEMA)
                        .set(DescribedGroupMember.MEMBER_ID, m.memberId())
                        .set(DescribedGroupMember.GROUP_INSTANCE_ID, m.groupInstanceId())
                        .set(DescribedGroupMember.CLIENT_ID, m.clientId())
                        .set(DescribedGroupMember.CLIENT_HOST, m.clientHost())
                        .set(DescribedGroupMember.MEMBER_METADATA, m.metadata())
                        .set(DescribedGroupMember.MEMBER_ASSIGNMENT, m.assignment()));
            }
            groups.add(new Struct(DescribedGroup.SCHEMA)
                    .set(DescribedGroup.ERROR_CODE, GroupErrors.code(error))
                    .set(DescribedGroup.GROUP_ID, g.groupId())
                    .set(DescribedGroup.GROUP_STATE, g.state().kafkaName())
                    .set(DescribedGroup.PROTOCOL_TYPE, g.protocolType())
                    .set(DescribedGroup.PROTOCOL_DATA, g.protocolName())
                    .set(DescribedGroup.MEMBERS, members));
        }
        return CompletableFuture.completedFuture(new Struct(Response.SCHEMA)
                .set(Response.THROTTLE_TIME_MS, 0)
                .set(Response.GROUPS, groups));
    }
}
