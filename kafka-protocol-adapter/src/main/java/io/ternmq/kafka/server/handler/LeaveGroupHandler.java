package io.ternmq.kafka.server.handler;

import io.ternmq.kafka.codec.Struct;
import io.ternmq.kafka.codec.api.LeaveGroupApi.Request;
import io.ternmq.kafka.codec.api.LeaveGroupApi.Request.MemberIdentity;
import io.ternmq.kafka.codec.api.LeaveGroupApi.Response;
import io.ternmq.kafka.codec.api.LeaveGroupApi.Response.MemberResponse;
import io.ternmq.kafka.group.GroupCoordinator;
import io.ternmq.kafka.group.GroupError;
import io.ternmq.kafka.group.LeaveGroup;
import io.ternmq.kafka.server.ApiHandler;
import io.ternmq.kafka.server.RequestContext;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * LeaveGroup (13), v0-3. v0-2 name one member and have one error: the group's, or else that member's. v3+ name a
 * batch of members (static ones may leave by instance id alone) and answer per member.
 */
public final class LeaveGroupHandler implements ApiHandler {
    private final GroupCoordinator coordinator;

    public LeaveGroupHandler(GroupCoordinator coordinator) {
        this.coordinator = coordinator;
    }

    @Override
    public CompletableFuture<Struct> handle(RequestContext context, Struct request) {
        boolean batch = context.version() >= 3;
        List<LeaveGroup.Leaver> leavers = new ArrayList<>();
        if (batch) {
            for (Struct m : request.get(Request.MEMBERS)) {
                leavers.add(new LeaveGroup.Leaver(m.get(MemberIdentity.MEMBER_ID),
                        m.get(MemberIdentity.GROUP_INSTANCE_ID)));
            }
        } else {
            leavers.add(new LeaveGroup.Leaver(request.get(Request.MEMBER_ID), null));
        }
        LeaveGroup.Result result = coordinator.leave(request.get(Request.GROUP_ID), leavers);
        Struct response = new Struct(Response.SCHEMA).set(Response.THROTTLE_TIME_MS, 0);
        if (!batch) {
            GroupError error = result.error() != GroupError.NONE || result.members().isEmpty() ? result.error()
                    : result.members().get(0).error();
            return CompletableFuture.completedFuture(response.set(Response.ERROR_CODE, GroupErrors.code(error)));
        }
        List<Struct> members = new ArrayList<>();
        for (LeaveGroup.MemberResult m : result.members()) {
            members.add(new Struct(MemberResponse.SCHEMA)
                    .set(MemberResponse.MEMBER_ID, m.memberId())
                    .set(MemberResponse.GROUP_INSTANCE_ID, m.groupInstanceId())
                    .set(MemberResponse.ERROR_CODE, GroupErrors.code(m.error())));
        }
        return CompletableFuture.completedFuture(response
                .set(Response.ERROR_CODE, GroupErrors.code(result.error()))
                .set(Response.MEMBERS, members));
    }
}
