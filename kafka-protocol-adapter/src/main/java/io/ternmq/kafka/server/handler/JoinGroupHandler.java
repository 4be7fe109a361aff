package io.ternmq.kafka.server.handler;

import io.ternmq.kafka.codec.Struct;
import io.ternmq.kafka.codec.api.JoinGroupApi.Request;
import io.ternmq.kafka.codec.api.JoinGroupApi.Request.JoinGroupRequestProtocol;
import io.ternmq.kafka.codec.api.JoinGroupApi.Response;
import io.ternmq.kafka.codec.api.JoinGroupApi.Response.JoinGroupResponseMember;
import io.ternmq.kafka.group.GroupCoordinator;
import io.ternmq.kafka.group.JoinGroup;
import io.ternmq.kafka.server.ApiHandler;
import io.ternmq.kafka.server.RequestContext;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * JoinGroup (11), v0-5. Answers asynchronously: the coordinator's future completes when the rebalance's join phase
 * ends (every member rejoined, or the rebalance timeout passed), so a waiting join holds no worker thread. Later
 * requests of the same connection are still processed meanwhile; their responses follow this one in order.
 *
 * <p>Per version: v0 has no rebalance timeout (the session timeout stands in, as in Kafka); v4+ makes a member
 * without id rejoin with the id handed out along MEMBER_ID_REQUIRED; v5 carries {@code group.instance.id}.
 * {@code skip_assignment} (v9) does not exist here, so a static leader rejoining a stable group gets the member list
 * and computes an assignment the stable group ignores.
 */
public final class JoinGroupHandler implements ApiHandler {
    private final GroupCoordinator coordinator;

    public JoinGroupHandler(GroupCoordinator coordinator) {
        this.coordinator = coordinator;
    }

    @Override
    public CompletableFuture<Struct> handle(RequestContext context, Struct request) {
        short version = context.version();
        int sessionTimeoutMs = request.get(Request.SESSION_TIMEOUT_MS);
        List<JoinGroup.Protocol> protocols = new ArrayList<>();
        for (Struct p : request.get(Request.PROTOCOLS)) {
            protocols.add(new JoinGroup.Protocol(p.get(JoinGroupRequestProtocol.NAME),
                    p.get(JoinGroupRequestProtocol.METADATA)));
        }
        JoinGroup.Request join = new JoinGroup.Request(request.get(Request.GROUP_ID), request.get(Request.MEMBER_ID),
                request.get(Request.GROUP_INSTANCE_ID), context.header().clientIdOrEmpty(),
                clientHost(context.connection().remoteAddress()), sessionTimeoutMs,
                version == 0 ? sessionTimeoutMs : request.get(Request.REBALANCE_TIMEOUT_MS),
                request.get(Request.PROTOCOL_TYPE), protocols, version >= 4);
        return coordinator.join(join).thenApply(JoinGroupHandler::response);
    }

    private static Struct response(JoinGroup.Result result) {
        List<Struct> members = new ArrayList<>();
        for (JoinGroup.Member m : result.members()) {
            members.add(new Struct(JoinGroupResponseMember.SCHEMA)
                    .set(JoinGroupResponseMember.MEMBER_ID, m.memberId())
                    .set(JoinGroupResponseMember.GROUP_INSTANCE_ID, m.groupInstanceId())
                    .set(JoinGroupResponseMember.METADATA, m.metadata()));
        }
        return new Struct(Response.SCHEMA)
                .set(Response.THROTTLE_TIME_MS, 0)
                .set(Response.ERROR_CODE, GroupErrors.code(result.error()))
                .set(Response.GENERATION_ID, result.generationId())
                // not nullable before v7: Kafka sends "" while no protocol is chosen
                .set(Response.PROTOCOL_NAME, result.protocolName() == null ? "" : result.protocolName())
                .set(Response.LEADER, result.leaderId())
                .set(Response.MEMBER_ID, result.memberId())
                .set(Response.MEMBERS, members);
    }

    /**
     * The host part of the peer address, the way Kafka shows {@code client_host} in DescribeGroups:
     * "/127.0.0.1:50312" becomes "/127.0.0.1".
     */
    static String clientHost(String remoteAddress) {
        int colon = remoteAddress.lastIndexOf(':');
        return colon > 0 ? remoteAddress.substring(0, colon) : remoteAddress;
    }
}
