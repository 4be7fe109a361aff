package io.ternmq.kafka.group;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

/**
 * The classic consumer group coordinator (Kafka's "classic" group protocol, KIP-848 is not served): JoinGroup,
 * SyncGroup, Heartbeat and LeaveGroup here; offsets in {@link #offsets()}, listing/describing/deleting groups in
 * {@link #admin()}.
 *
 * <p>JoinGroup and SyncGroup answer with futures, completed when the rebalance step completes (all members rejoined
 * or the rebalance timeout expired; the leader's assignments arrived). Futures are completed outside any group lock,
 * on the thread of the call or timer that finished the step.
 *
 * <p>Membership is held in memory only; after a restart members get UNKNOWN_MEMBER_ID and rejoin. Committed offsets
 * are durable in {@link CommittedOffsets}.
 *
 * <p>Thread-safety: thread-safe. Each group has its own lock (see {@link ClassicGroup}); calls for different groups
 * never contend. Timers run on the {@link GroupTimer}'s threads and take the same lock.
 */
public final class GroupCoordinator {
    private final GroupConfig config;
    private final GroupRegistry registry = new GroupRegistry();
    private final Rebalancer rebalancer;
    private final GroupOffsetService offsets;
    private final GroupAdmin admin;

    public GroupCoordinator(GroupConfig config, GroupTimer timer, CommittedOffsets committedOffsets) {
        this.config = config;
        this.rebalancer = new Rebalancer(config, timer);
        this.offsets = new GroupOffsetService(config, registry, rebalancer, committedOffsets);
        this.admin = new GroupAdmin(registry, committedOffsets);
    }

    /** OffsetCommit, OffsetFetch, OffsetDelete. */
    public GroupOffsetService offsets() {
        return offsets;
    }

    /** ListGroups, DescribeGroups, DeleteGroups. */
    public GroupAdmin admin() {
        return admin;
    }

    /** JoinGroup; see {@link JoinGroup.Request} for the fields. */
    public CompletableFuture<JoinGroup.Result> join(JoinGroup.Request request) {
        if (request.groupId() == null || request.groupId().isEmpty()) {
            return joinFailed(GroupError.INVALID_GROUP_ID, request.memberId());
        }
        if (request.sessionTimeoutMs() < config.minSessionTimeoutMs()
                || request.sessionTimeoutMs() > config.maxSessionTimeoutMs()) {
            return joinFailed(GroupError.INVALID_SESSION_TIMEOUT, request.memberId());
        }
        boolean newMember = request.memberId().isEmpty();
        ClassicGroup group = newMember ? registry.getOrCreate(request.groupId()) : registry.get(request.groupId());
        if (group == null) {
            return joinFailed(GroupError.UNKNOWN_MEMBER_ID, request.memberId());
        }
        return GroupRegistry.locked(group, () -> {
            if (group.state == GroupState.DEAD) {
                return joinFailed(GroupError.COORDINATOR_NOT_AVAILABLE, request.memberId());
            }
            Set<String> names = request.protocols().stream().map(JoinGroup.Protocol::name)
                    .collect(Collectors.toSet());
            if (!group.acceptsProtocols(request.protocolType(), names)) {
                return joinFailed(GroupError.INCONSISTENT_GROUP_PROTOCOL, request.memberId());
            }
            return newMember ? joinNewMember(group, request) : joinKnownMember(group, request);
        });
    }

    private CompletableFuture<JoinGroup.Result> joinNewMember(ClassicGroup group, JoinGroup.Request request) {
        String instanceId = request.groupInstanceId();
        if (instanceId != null) {
            String memberId = instanceId + "-" + UUID.randomUUID();
            String oldMemberId = group.staticMembers.get(instanceId);
            return oldMemberId == null ? rebalancer.addMemberAndRebalance(group, memberId, request)
                    : replaceStaticMember(group, group.members.get(oldMemberId), memberId, request);
        }
        String memberId = request.clientId() + "-" + UUID.randomUUID();
        if (request.requireKnownMemberId()) {
            rebalancer.addPendingMember(group, memberId, request.sessionTimeoutMs());
            return joinFailed(GroupError.MEMBER_ID_REQUIRED, memberId);
        }
        return rebalancer.addMemberAndRebalance(group, memberId, request);
    }

    /**
     * A restarted static member: it takes over the old member's place under a new id; the old id is fenced. A stable
     * group with unchanged protocols does not rebalance (KIP-345); the member gets the current generation.
     */
    private CompletableFuture<JoinGroup.Result> replaceStaticMember(ClassicGroup group, GroupMember member,
                                                                   String newMemberId, JoinGroup.Request request) {
        String oldMemberId = member.memberId;
        if (member.awaitingJoin != null) {
            CompletableFuture<JoinGroup.Result> old = member.awaitingJoin;
            member.awaitingJoin = null;
            group.afterUnlock(() -> old.complete(JoinGroup.Result.failed(GroupError.FENCED_INSTANCE_ID, oldMemberId)));
        }
        if (member.awaitingSync != null) {
            CompletableFuture<SyncGroup.Result> old = member.awaitingSync;
            member.awaitingSync = null;
            group.afterUnlock(() -> old.complete(SyncGroup.Result.failed(GroupError.FENCED_INSTANCE_ID)));
        }
        group.members.remove(oldMemberId);
        member.memberId = newMemberId;
        group.members.put(newMemberId, member);
        group.staticMembers.put(member.groupInstanceId, newMemberId);
        if (oldMemberId.equals(group.leaderId)) {
            group.leaderId = newMemberId;
        }
        boolean sameProtocols = member.sameProtocols(request.protocols());
        if (sameProtocols && (group.state == GroupState.STABLE || group.state == GroupState.COMPLETING_REBALANCE)) {
            member.update(request);
            rebalancer.touch(group, member);
            return CompletableFuture.completedFuture(rebalancer.currentJoinResult(group, member,
                    group.state == GroupState.STABLE));
        }
        return updateAndAwaitJoin(group, member, request);
    }

    private CompletableFuture<JoinGroup.Result> joinKnownMember(ClassicGroup group, JoinGroup.Request request) {
        String memberId = request.memberId();
        if (rebalancer.takePendingMember(group, memberId)) {
            return rebalancer.addMemberAndRebalance(group, memberId, request);
        }
        if (group.isFenced(request.groupInstanceId(), memberId)) {
            return joinFailed(GroupError.FENCED_INSTANCE_ID, memberId);
        }
        GroupMember member = group.member(memberId);
        if (member == null) {
            return joinFailed(GroupError.UNKNOWN_MEMBER_ID, memberId);
        }
        boolean sameProtocols = member.sameProtocols(request.protocols());
        switch (group.state) {
            case PREPARING_REBALANCE:
                return updateAndAwaitJoin(group, member, request);
            case COMPLETING_REBALANCE:
                if (sameProtocols) { // a retried join: answer again, no new rebalance
                    rebalancer.touch(group, member);
                    return CompletableFuture.completedFuture(rebalancer.currentJoinResult(group, member, false));
                }
                return updateAndAwaitJoin(group, member, request);
            case STABLE:
                if (sameProtocols && !memberId.equals(group.leaderId)) {
                    rebalancer.touch(group, member);
                    return CompletableFuture.completedFuture(rebalancer.currentJoinResult(group, member, false));
                }
                return updateAndAwaitJoin(group, member, request); // the leader rejoining asks for a rebalance
            default:
                return joinFailed(GroupError.UNKNOWN_MEMBER_ID, memberId);
        }
    }

    private CompletableFuture<JoinGroup.Result> updateAndAwaitJoin(ClassicGroup group, GroupMember member,
                                                                  JoinGroup.Request request) {
        member.update(request);
        CompletableFuture<JoinGroup.Result> previous = member.awaitingJoin;
        if (previous != null) { // the client gave up on its earlier join and sent a new one
            String id = member.memberId;
            group.afterUnlock(() -> previous.complete(JoinGroup.Result.failed(GroupError.REBALANCE_IN_PROGRESS, id)));
        }
        CompletableFuture<JoinGroup.Result> joined = new CompletableFuture<>();
        member.awaitingJoin = joined;
        rebalancer.touch(group, member);
        rebalancer.rebalanceOrCheck(group);
        return joined;
    }

    /** SyncGroup: followers wait for the leader's assignments; in a stable group the current one is returned. */
    public CompletableFuture<SyncGroup.Result> sync(SyncGroup.Request request) {
        ClassicGroup group = registry.get(request.groupId());
        if (group == null) {
            return syncFailed(GroupError.UNKNOWN_MEMBER_ID);
        }
        return GroupRegistry.locked(group, () -> {
            GroupError error = validateMember(group, request.memberId(), request.groupInstanceId(),
                    request.generationId());
            if (error != GroupError.NONE) {
                return syncFailed(error);
            }
            if ((request.protocolType() != null && !request.protocolType().equals(group.protocolType))
                    || (request.protocolName() != null && !request.protocolName().equals(group.protocolName))) {
                return syncFailed(GroupError.INCONSISTENT_GROUP_PROTOCOL);
            }
            GroupMember member = group.member(request.memberId());
            switch (group.state) {
                case PREPARING_REBALANCE:
                    return syncFailed(GroupError.REBALANCE_IN_PROGRESS);
                case COMPLETING_REBALANCE: {
                    CompletableFuture<SyncGroup.Result> synced = new CompletableFuture<>();
                    CompletableFuture<SyncGroup.Result> previous = member.awaitingSync;
                    if (previous != null) {
                        group.afterUnlock(() -> previous.complete(
                                SyncGroup.Result.failed(GroupError.REBALANCE_IN_PROGRESS)));
                    }
                    member.awaitingSync = synced;
                    rebalancer.touch(group, member);
                    if (member.memberId.equals(group.leaderId)) {
                        rebalancer.completeAssignment(group, request.assignments());
                    }
                    return synced;
                }
                case STABLE:
                    rebalancer.touch(group, member);
                    return CompletableFuture.completedFuture(new SyncGroup.Result(GroupError.NONE,
                            group.protocolType, group.protocolName, member.assignment));
                default:
                    return syncFailed(GroupError.UNKNOWN_MEMBER_ID);
            }
        });
    }

    /** Heartbeat: keeps the member's session alive and tells it when it must rejoin. */
    public GroupError heartbeat(String groupId, int generationId, String memberId, String groupInstanceId) {
        ClassicGroup group = registry.get(groupId);
        if (group == null) {
            return GroupError.UNKNOWN_MEMBER_ID;
        }
        return GroupRegistry.locked(group, () -> {
            GroupError error = validateMember(group, memberId, groupInstanceId, generationId);
            if (error != GroupError.NONE) {
                return error;
            }
            rebalancer.touch(group, group.member(memberId));
            return group.state == GroupState.PREPARING_REBALANCE ? GroupError.REBALANCE_IN_PROGRESS : GroupError.NONE;
        });
    }

    /**
     * Dead → COORDINATOR_NOT_AVAILABLE; Empty, unknown member → UNKNOWN_MEMBER_ID; stale static member id →
     * FENCED_INSTANCE_ID; other generation → ILLEGAL_GENERATION.
     */
    static GroupError validateMember(ClassicGroup group, String memberId, String groupInstanceId, int generationId) {
        if (group.state == GroupState.DEAD) {
            return GroupError.COORDINATOR_NOT_AVAILABLE;
        }
        if (group.isFenced(groupInstanceId, memberId)) {
            return GroupError.FENCED_INSTANCE_ID;
        }
        if (group.state == GroupState.EMPTY || group.member(memberId) == null) {
            return GroupError.UNKNOWN_MEMBER_ID;
        }
        return generationId == group.generationId ? GroupError.NONE : GroupError.ILLEGAL_GENERATION;
    }

    /** LeaveGroup: each leaver is removed (pending ones forgotten); the group then rebalances. */
    public LeaveGroup.Result leave(String groupId, List<LeaveGroup.Leaver> leavers) {
        ClassicGroup group = registry.get(groupId);
        if (group == null) {
            return new LeaveGroup.Result(GroupError.UNKNOWN_MEMBER_ID, leavers.stream().map(l ->
                    new LeaveGroup.MemberResult(l.memberId(), l.groupInstanceId(), GroupError.UNKNOWN_MEMBER_ID))
                    .toList());
        }
        return GroupRegistry.locked(group, () -> {
            if (group.state == GroupState.DEAD) {
                return new LeaveGroup.Result(GroupError.COORDINATOR_NOT_AVAILABLE, List.of());
            }
            List<LeaveGroup.MemberResult> results = new ArrayList<>();
            boolean membersLeft = false;
            boolean pendingLeft = false;
            for (LeaveGroup.Leaver leaver : leavers) {
                Left left = leaveOne(group, leaver);
                membersLeft |= left == Left.MEMBER;
                pendingLeft |= left == Left.PENDING;
                results.add(new LeaveGroup.MemberResult(leaver.memberId(), leaver.groupInstanceId(), left.error));
            }
            if (membersLeft) {
                rebalancer.rebalanceOrCheck(group);
            } else if (pendingLeft) {
                rebalancer.maybeCompleteJoin(group); // a pending member no longer holds up the join phase
            }
            return new LeaveGroup.Result(GroupError.NONE, results);
        });
    }

    private enum Left {
        MEMBER(GroupError.NONE), PENDING(GroupError.NONE), FENCED(GroupError.FENCED_INSTANCE_ID),
        UNKNOWN(GroupError.UNKNOWN_MEMBER_ID);

        final GroupError error;

        Left(GroupError error) {
            this.error = error;
        }
    }

    private Left leaveOne(ClassicGroup group, LeaveGroup.Leaver leaver) {
        String memberId = leaver.memberId();
        if (memberId.isEmpty() && leaver.groupInstanceId() != null) {
            memberId = group.staticMembers.getOrDefault(leaver.groupInstanceId(), "");
        } else if (group.isFenced(leaver.groupInstanceId(), memberId)) {
            return Left.FENCED;
        }
        if (rebalancer.takePendingMember(group, memberId)) {
            return Left.PENDING;
        }
        GroupMember member = group.member(memberId);
        if (member == null) {
            return Left.UNKNOWN;
        }
        rebalancer.removeMember(group, member, GroupError.UNKNOWN_MEMBER_ID);
        return Left.MEMBER;
    }

    private static CompletableFuture<JoinGroup.Result> joinFailed(GroupError error, String memberId) {
        return CompletableFuture.completedFuture(JoinGroup.Result.failed(error, memberId));
    }

    private static CompletableFuture<SyncGroup.Result> syncFailed(GroupError error) {
        return CompletableFuture.completedFuture(SyncGroup.Result.failed(error));
    }
}
