package io.ternmq.kafka.group;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The group state machine's transitions and timers: starting a rebalance, ending the join phase (all members rejoined,
 * or the rebalance timeout dropped the rest), member session expiry, pending-member expiry, and member removal.
 *
 * <p>Every method except the timer callbacks must be called holding the group's lock; timer callbacks take it
 * themselves through {@link GroupRegistry#locked}. Timers of a finished rebalance are recognised by
 * {@link ClassicGroup#rebalanceRound} and do nothing, so they need not be cancelled.
 */
final class Rebalancer {
    private final GroupConfig config;
    private final GroupTimer timer;

    Rebalancer(GroupConfig config, GroupTimer timer) {
        this.config = config;
        this.timer = timer;
    }

    GroupTimer timer() {
        return timer;
    }

    /** Adds a member that is joining now, and starts (or advances) a rebalance. */
    CompletableFuture<JoinGroup.Result> addMemberAndRebalance(ClassicGroup group, String memberId,
                                                             JoinGroup.Request request) {
        GroupMember member = new GroupMember(memberId, request);
        member.awaitingJoin = new CompletableFuture<>();
        if (group.members.isEmpty()) {
            group.protocolType = request.protocolType();
        }
        group.members.put(memberId, member);
        if (member.isStatic()) {
            group.staticMembers.put(member.groupInstanceId, memberId);
        }
        if (group.leaderId == null) {
            group.leaderId = memberId;
        }
        touch(group, member);
        CompletableFuture<JoinGroup.Result> joined = member.awaitingJoin;
        rebalanceOrCheck(group);
        return joined;
    }

    /** A membership change: a settled group starts a rebalance, a rebalancing one checks whether it can finish. */
    void rebalanceOrCheck(ClassicGroup group) {
        if (group.state == GroupState.PREPARING_REBALANCE) {
            maybeCompleteJoin(group);
        } else if (group.state != GroupState.DEAD) {
            prepareRebalance(group);
        }
    }

    /**
     * Moves to PreparingRebalance: waiting SyncGroups get REBALANCE_IN_PROGRESS, every member must rejoin within the
     * largest rebalance timeout of the group, and a group that was empty first waits the initial rebalance delay.
     */
    void prepareRebalance(ClassicGroup group) {
        if (group.state == GroupState.COMPLETING_REBALANCE) {
            for (GroupMember m : group.members.values()) {
                m.assignment = GroupMember.NO_BYTES;
                completeSync(group, m, SyncGroup.Result.failed(GroupError.REBALANCE_IN_PROGRESS));
            }
        }
        boolean wasEmpty = group.state == GroupState.EMPTY;
        group.state = GroupState.PREPARING_REBALANCE;
        int round = ++group.rebalanceRound;
        long delay = wasEmpty ? config.initialRebalanceDelayMs() : 0;
        group.joinNotBeforeMs = timer.nowMs() + delay;
        long deadline = Math.max(delay, group.maxRebalanceTimeoutMs());
        timer.schedule(deadline, () -> GroupRegistry.locked(group, () -> {
            if (group.state == GroupState.PREPARING_REBALANCE && group.rebalanceRound == round) {
                completeJoin(group);
            }
        }));
        if (delay > 0) {
            timer.schedule(delay, () -> GroupRegistry.locked(group, () -> {
                if (group.rebalanceRound == round) {
                    maybeCompleteJoin(group);
                }
            }));
        }
        maybeCompleteJoin(group);
    }

    void maybeCompleteJoin(ClassicGroup group) {
        if (group.state == GroupState.PREPARING_REBALANCE && timer.nowMs() >= group.joinNotBeforeMs
                && group.allMembersJoined()) {
            completeJoin(group);
        }
    }

    /**
     * Ends the join phase: members that did not rejoin are dropped, the generation is bumped, a protocol is chosen,
     * and every waiting JoinGroup is answered (the member list only to the leader).
     */
    private void completeJoin(ClassicGroup group) {
        for (GroupMember m : new ArrayList<>(group.members.values())) {
            if (m.awaitingJoin == null) {
                removeMember(group, m, GroupError.UNKNOWN_MEMBER_ID);
            }
        }
        group.generationId++;
        group.rebalanceRound++;
        if (group.members.isEmpty()) {
            group.state = GroupState.EMPTY;
            group.protocolName = null;
            group.leaderId = null;
            return;
        }
        if (!group.members.containsKey(group.leaderId)) {
            group.leaderId = group.members.keySet().iterator().next();
        }
        group.protocolName = group.selectProtocol();
        group.state = GroupState.COMPLETING_REBALANCE;
        for (GroupMember m : group.members.values()) {
            JoinGroup.Result result = currentJoinResult(group, m, false);
            CompletableFuture<JoinGroup.Result> waiting = m.awaitingJoin;
            m.awaitingJoin = null;
            touch(group, m);
            group.afterUnlock(() -> waiting.complete(result));
        }
    }

    /** What a member learns about the current generation; the leader also gets the members. */
    JoinGroup.Result currentJoinResult(ClassicGroup group, GroupMember member, boolean skipAssignment) {
        List<JoinGroup.Member> members = new ArrayList<>();
        if (member.memberId.equals(group.leaderId)) {
            for (GroupMember m : group.members.values()) {
                members.add(new JoinGroup.Member(m.memberId, m.groupInstanceId, m.metadata(group.protocolName)));
            }
        }
        return new JoinGroup.Result(GroupError.NONE, group.generationId, group.protocolType, group.protocolName,
                group.leaderId, skipAssignment, member.memberId, List.copyOf(members));
    }

    /** Hands out the leader's assignments and makes the group Stable. */
    void completeAssignment(ClassicGroup group, java.util.Map<String, byte[]> assignments) {
        for (GroupMember m : group.members.values()) {
            byte[] assignment = assignments.get(m.memberId);
            m.assignment = assignment == null ? GroupMember.NO_BYTES : assignment;
        }
        group.state = GroupState.STABLE;
        for (GroupMember m : group.members.values()) {
            completeSync(group, m, new SyncGroup.Result(GroupError.NONE, group.protocolType, group.protocolName,
                    m.assignment));
        }
    }

    private static void completeSync(ClassicGroup group, GroupMember member, SyncGroup.Result result) {
        CompletableFuture<SyncGroup.Result> waiting = member.awaitingSync;
        if (waiting != null) {
            member.awaitingSync = null;
            group.afterUnlock(() -> waiting.complete(result));
        }
    }

    /** Removes a member (leave, expiry, not rejoined); its waiting calls are answered with {@code error}. */
    void removeMember(ClassicGroup group, GroupMember member, GroupError error) {
        group.members.remove(member.memberId);
        if (member.isStatic() && member.memberId.equals(group.staticMembers.get(member.groupInstanceId))) {
            group.staticMembers.remove(member.groupInstanceId);
        }
        if (member.expiryTask != null) {
            member.expiryTask.cancel();
            member.expiryTask = null;
        }
        CompletableFuture<JoinGroup.Result> join = member.awaitingJoin;
        if (join != null) {
            member.awaitingJoin = null;
            String id = member.memberId;
            group.afterUnlock(() -> join.complete(JoinGroup.Result.failed(error, id)));
        }
        completeSync(group, member, SyncGroup.Result.failed(error));
        if (member.memberId.equals(group.leaderId)) {
            group.leaderId = group.members.isEmpty() ? null : group.members.keySet().iterator().next();
        }
    }

    /** Removes a member and lets the group react (a settled group rebalances; a rebalancing one may finish). */
    void removeMemberAndUpdate(ClassicGroup group, GroupMember member, GroupError error) {
        removeMember(group, member, error);
        rebalanceOrCheck(group);
    }

    /** A member id handed out with MEMBER_ID_REQUIRED: it must rejoin within its session timeout or is forgotten. */
    void addPendingMember(ClassicGroup group, String memberId, int sessionTimeoutMs) {
        group.pendingMembers.put(memberId, timer.schedule(sessionTimeoutMs, () -> GroupRegistry.locked(group, () -> {
            if (group.pendingMembers.remove(memberId) != null) {
                maybeCompleteJoin(group);
            }
        })));
    }

    /** True when the id was pending; it is pending no more. */
    boolean takePendingMember(ClassicGroup group, String memberId) {
        GroupTimer.Cancellable expiry = group.pendingMembers.remove(memberId);
        if (expiry != null) {
            expiry.cancel();
            return true;
        }
        return false;
    }

    /**
     * Records that the member was heard from: its session now ends {@code sessionTimeoutMs} from now. One expiry task
     * per member at a time; it re-arms itself when the deadline moved, so a heartbeat costs no timer operation.
     */
    void touch(ClassicGroup group, GroupMember member) {
        member.sessionDeadlineMs = timer.nowMs() + member.sessionTimeoutMs;
        if (member.expiryTask == null) {
            scheduleExpiry(group, member, member.sessionTimeoutMs);
        }
    }

    private void scheduleExpiry(ClassicGroup group, GroupMember member, long delayMs) {
        member.expiryTask = timer.schedule(delayMs, () -> GroupRegistry.locked(group, () -> {
            member.expiryTask = null;
            if (group.members.get(member.memberId) != member) {
                return;
            }
            long now = timer.nowMs();
            if (member.awaitingJoin != null || member.awaitingSync != null) {
                // a member blocked in JoinGroup/SyncGroup cannot heartbeat; the rebalance timeout governs it
                member.sessionDeadlineMs = now + member.sessionTimeoutMs;
                scheduleExpiry(group, member, member.sessionTimeoutMs);
            } else if (now < member.sessionDeadlineMs) {
                scheduleExpiry(group, member, member.sessionDeadlineMs - now);
            } else {
                removeMemberAndUpdate(group, member, GroupError.UNKNOWN_MEMBER_ID);
            }
        }));
    }
}
