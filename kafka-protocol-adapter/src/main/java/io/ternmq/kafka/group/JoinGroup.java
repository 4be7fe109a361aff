package io.ternmq.kafka.group;

import java.util.List;

/** The plain-Java form of a JoinGroup request and its result; the handler translates the wire Structs. */
public final class JoinGroup {
    private JoinGroup() {
    }

    /** One assignment protocol the member supports, in its order of preference, with its opaque metadata. */
    public record Protocol(String name, byte[] metadata) {
    }

    /**
     * @param groupId              the group
     * @param memberId             "" for a member that has none yet
     * @param groupInstanceId      static membership id (v5+), or null
     * @param clientId             the request header's client id, used to build generated member ids
     * @param clientHost           the client's address, for DescribeGroups
     * @param sessionTimeoutMs     the member is removed when it is silent this long
     * @param rebalanceTimeoutMs   how long a rebalance waits for this member to rejoin (v0: pass the session timeout)
     * @param protocolType         e.g. "consumer"
     * @param protocols            supported assignment protocols, most preferred first
     * @param requireKnownMemberId true from v4 on: a member without id first gets MEMBER_ID_REQUIRED and an id
     */
    public record Request(String groupId, String memberId, String groupInstanceId, String clientId,
                          String clientHost, int sessionTimeoutMs, int rebalanceTimeoutMs, String protocolType,
                          List<Protocol> protocols, boolean requireKnownMemberId) {
        public Request {
            memberId = memberId == null ? "" : memberId;
            clientId = clientId == null ? "" : clientId;
            protocols = List.copyOf(protocols);
        }
    }

    /** A member as the leader sees it, with its metadata for the chosen protocol. */
    public record Member(String memberId, String groupInstanceId, byte[] metadata) {
    }

    /**
     * @param error          NONE or why the join failed; with MEMBER_ID_REQUIRED, {@code memberId} is the id to
     *                       rejoin with
     * @param generationId   the new generation, -1 on error
     * @param protocolType   the group's protocol type (v7+)
     * @param protocolName   the chosen protocol, null on error
     * @param leaderId       the leader's member id, "" on error
     * @param skipAssignment true when the (static) leader rejoined a stable group and must not compute a new
     *                       assignment (v9+)
     * @param memberId       this member's id
     * @param members        every member, only in the leader's result; empty for followers
     */
    public record Result(GroupError error, int generationId, String protocolType, String protocolName,
                         String leaderId, boolean skipAssignment, String memberId, List<Member> members) {

        static Result failed(GroupError error, String memberId) {
            return new Result(error, -1, null, null, "", false, memberId == null ? "" : memberId, List.of());
        }
    }
}
