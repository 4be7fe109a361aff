package io.ternmq.kafka.group;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

import static io.ternmq.kafka.group.GroupFixture.REBALANCE_MS;
import static io.ternmq.kafka.group.GroupFixture.SESSION_MS;
import static io.ternmq.kafka.group.GroupFixture.done;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GroupMembershipTest {

    /** Three members through MEMBER_ID_REQUIRED, join, sync: returns their join results in join order. */
    private static List<JoinGroup.Result> stableGroupOfThree(GroupFixture f) {
        List<CompletableFuture<JoinGroup.Result>> joins = List.of(f.joinNew("a"), f.joinNew("b"), f.joinNew("c"));
        f.timer.advance(3_000);
        List<JoinGroup.Result> joined = joins.stream().map(GroupFixture::done).toList();
        JoinGroup.Result leader = joined.stream().filter(j -> !j.members().isEmpty()).findFirst().orElseThrow();
        Map<String, byte[]> assignments = joined.stream().collect(Collectors.toMap(JoinGroup.Result::memberId,
                j -> j.memberId().getBytes()));
        joined.stream().filter(j -> j != leader).forEach(j -> f.sync(j, Map.of()));
        done(f.sync(leader, assignments));
        assertEquals(GroupState.STABLE, f.state());
        return joined;
    }

    @Test
    void aNewMemberGetsMemberIdRequiredThenJoinsWithTheGeneratedId() {
        GroupFixture f = new GroupFixture(0);
        CompletableFuture<JoinGroup.Result> join = f.joinNew("client-a");
        JoinGroup.Result joined = done(join);
        assertEquals(GroupError.NONE, joined.error());
        assertEquals(1, joined.generationId());
        assertEquals("range", joined.protocolName());
        assertEquals("consumer", joined.protocolType());
        assertEquals(joined.memberId(), joined.leaderId());
        assertEquals(1, joined.members().size());
        assertArrayEquals(GroupFixture.subscription("t1"), joined.members().get(0).metadata());
        assertEquals(GroupState.COMPLETING_REBALANCE, f.state());

        SyncGroup.Result synced = done(f.sync(joined, Map.of(joined.memberId(), new byte[] {7})));
        assertEquals(GroupError.NONE, synced.error());
        assertArrayEquals(new byte[] {7}, synced.assignment());
        assertEquals(GroupState.STABLE, f.state());
        assertEquals(GroupError.NONE, f.heartbeat(joined));
    }

    @Test
    void aPendingMemberThatNeverRejoinsExpiresAndStopsHoldingUpTheRebalance() {
        GroupFixture f = new GroupFixture(0);
        JoinGroup.Result required = f.coordinator.join(GroupFixture.request("", "b", true, GroupFixture.range("t1"),
                null)).join();
        assertEquals(GroupError.MEMBER_ID_REQUIRED, required.error());
        // an old-version member joins directly; the join phase waits for the pending member
        JoinGroup.Request direct = GroupFixture.request("", "a", false, GroupFixture.range("t1"), null);
        CompletableFuture<JoinGroup.Result> joinA = f.coordinator.join(new JoinGroup.Request(direct.groupId(), "",
                null, "a", "h", SESSION_MS, 60_000, "consumer", direct.protocols(), false));
        assertFalse(joinA.isDone());
        f.timer.advance(SESSION_MS - 1);
        assertFalse(joinA.isDone());
        f.timer.advance(1);
        JoinGroup.Result a = done(joinA);
        assertEquals(GroupError.NONE, a.error());
        assertEquals(1, a.members().size());
        // the expired id is unknown now
        assertEquals(GroupError.UNKNOWN_MEMBER_ID, f.rejoin(required.memberId()).join().error());
    }

    @Test
    void threeMembersFormOneGenerationTheLeaderGetsTheMembersAndFollowersTheLeadersAssignment() {
        GroupFixture f = new GroupFixture(3_000);
        List<CompletableFuture<JoinGroup.Result>> joins = List.of(f.joinNew("a"), f.joinNew("b"), f.joinNew("c"));
        f.timer.advance(2_999);
        assertTrue(joins.stream().noneMatch(CompletableFuture::isDone), "initial delay not over");
        f.timer.advance(1);
        List<JoinGroup.Result> joined = joins.stream().map(GroupFixture::done).toList();
        assertTrue(joined.stream().allMatch(j -> j.error() == GroupError.NONE && j.generationId() == 1));
        assertEquals(1, joined.stream().map(JoinGroup.Result::leaderId).distinct().count());
        JoinGroup.Result leader = joined.get(0);
        assertEquals(leader.memberId(), leader.leaderId(), "first joiner leads");
        assertEquals(joined.stream().map(JoinGroup.Result::memberId).toList(),
                leader.members().stream().map(JoinGroup.Member::memberId).toList());
        assertTrue(joined.get(1).members().isEmpty() && joined.get(2).members().isEmpty());

        CompletableFuture<SyncGroup.Result> syncB = f.sync(joined.get(1), Map.of());
        CompletableFuture<SyncGroup.Result> syncC = f.sync(joined.get(2), Map.of());
        assertFalse(syncB.isDone() || syncC.isDone(), "followers wait for the leader");
        SyncGroup.Result syncA = done(f.sync(leader, Map.of(joined.get(0).memberId(), new byte[] {0},
                joined.get(1).memberId(), new byte[] {1}, joined.get(2).memberId(), new byte[] {2})));
        assertArrayEquals(new byte[] {0}, syncA.assignment());
        assertArrayEquals(new byte[] {1}, done(syncB).assignment());
        assertArrayEquals(new byte[] {2}, done(syncC).assignment());

        GroupDescription description = f.coordinator.admin().describe(List.of(GroupFixture.GROUP)).get(0);
        assertEquals(GroupState.STABLE, description.state());
        assertEquals("range", description.protocolName());
        assertEquals(3, description.members().size());
        assertArrayEquals(new byte[] {2}, description.members().get(2).assignment());
        assertArrayEquals(GroupFixture.subscription("t1"), description.members().get(2).metadata());
        assertEquals("c", description.members().get(2).clientId());
    }

    @Test
    void whenAMemberLeavesTheOtherTwoRebalanceIntoTheNextGeneration() {
        GroupFixture f = new GroupFixture(3_000);
        List<JoinGroup.Result> gen1 = stableGroupOfThree(f);
        LeaveGroup.Result left = f.coordinator.leave(GroupFixture.GROUP,
                List.of(new LeaveGroup.Leaver(gen1.get(2).memberId(), null)));
        assertEquals(GroupError.NONE, left.members().get(0).error());
        assertEquals(GroupError.REBALANCE_IN_PROGRESS, f.heartbeat(gen1.get(0)));
        assertEquals(GroupError.REBALANCE_IN_PROGRESS, f.heartbeat(gen1.get(1)));
        CompletableFuture<JoinGroup.Result> a = f.rejoin(gen1.get(0).memberId());
        assertFalse(a.isDone());
        CompletableFuture<JoinGroup.Result> b = f.rejoin(gen1.get(1).memberId());
        assertEquals(2, done(a).generationId());
        assertEquals(2, done(b).generationId());
        assertEquals(2, done(a).members().size());
        assertEquals(GroupError.UNKNOWN_MEMBER_ID, f.heartbeat(gen1.get(2)));
    }

    @Test
    void aMemberThatStopsHeartbeatingExpiresAndTheGroupRebalances() {
        GroupFixture f = new GroupFixture(3_000);
        List<JoinGroup.Result> gen1 = stableGroupOfThree(f);
        for (int i = 0; i < 3; i++) { // a and b heartbeat every 3 s, c is silent
            f.timer.advance(3_000);
            assertEquals(GroupError.NONE, f.heartbeat(gen1.get(0)));
            assertEquals(GroupError.NONE, f.heartbeat(gen1.get(1)));
        }
        assertEquals(GroupState.STABLE, f.state());
        f.timer.advance(1_000); // 10 s since c's sync
        assertEquals(GroupState.PREPARING_REBALANCE, f.state());
        assertEquals(GroupError.UNKNOWN_MEMBER_ID, f.heartbeat(gen1.get(2)));
        assertEquals(GroupError.REBALANCE_IN_PROGRESS, f.heartbeat(gen1.get(0)));
        CompletableFuture<JoinGroup.Result> a = f.rejoin(gen1.get(0).memberId());
        CompletableFuture<JoinGroup.Result> b = f.rejoin(gen1.get(1).memberId());
        assertEquals(Set.of(gen1.get(0).memberId(), gen1.get(1).memberId()), done(a).members().stream()
                .map(JoinGroup.Member::memberId).collect(Collectors.toSet()));
        assertEquals(2, done(b).generationId());
    }

    @Test
    void aMemberThatDoesNotRejoinWithinTheRebalanceTimeoutIsDropped() {
        GroupFixture f = new GroupFixture(0);
        JoinGroup.Result a1 = done(f.joinNew("a"));
        done(f.sync(a1, Map.of()));
        CompletableFuture<JoinGroup.Result> b = f.joinNew("b");
        assertEquals(GroupState.PREPARING_REBALANCE, f.state());
        // a keeps heartbeating (and is told to rejoin) but never rejoins
        for (int t = 0; t < REBALANCE_MS; t += 3_000) {
            assertEquals(GroupError.REBALANCE_IN_PROGRESS, f.heartbeat(a1));
            assertFalse(b.isDone());
            f.timer.advance(3_000);
        }
        JoinGroup.Result joinedB = done(b);
        assertEquals(2, joinedB.generationId());
        assertEquals(List.of(joinedB.memberId()), joinedB.members().stream().map(JoinGroup.Member::memberId).toList());
        assertEquals(joinedB.memberId(), joinedB.leaderId(), "the dropped leader is replaced");
        assertEquals(GroupError.UNKNOWN_MEMBER_ID, f.heartbeat(a1));
    }

    @Test
    void membersVoteForTheProtocolAndAnIncompatibleMemberIsRejected() {
        GroupFixture f = new GroupFixture(1_000);
        byte[] sub = GroupFixture.subscription("t1");
        JoinGroup.Protocol range = new JoinGroup.Protocol("range", sub);
        JoinGroup.Protocol sticky = new JoinGroup.Protocol("cooperative-sticky", sub);
        CompletableFuture<JoinGroup.Result> a = f.coordinator.join(GroupFixture.request("", "a", false,
                List.of(range, sticky), null));
        CompletableFuture<JoinGroup.Result> b = f.coordinator.join(GroupFixture.request("", "b", false,
                List.of(sticky, range), null));
        CompletableFuture<JoinGroup.Result> c = f.coordinator.join(GroupFixture.request("", "c", false,
                List.of(sticky, range), null));
        JoinGroup.Result other = f.coordinator.join(GroupFixture.request("", "d", false,
                List.of(new JoinGroup.Protocol("roundrobin", sub)), null)).join();
        assertEquals(GroupError.INCONSISTENT_GROUP_PROTOCOL, other.error());
        JoinGroup.Result connect = f.coordinator.join(new JoinGroup.Request(GroupFixture.GROUP, "", null, "e", "h",
                SESSION_MS, REBALANCE_MS, "connect", List.of(range), false)).join();
        assertEquals(GroupError.INCONSISTENT_GROUP_PROTOCOL, connect.error());
        f.timer.advance(1_000);
        assertEquals("cooperative-sticky", done(a).protocolName());
        assertEquals("cooperative-sticky", done(b).protocolName());
        assertEquals(3, done(c).members().size() + done(a).members().size() + done(b).members().size());
    }

    @Test
    void sessionTimeoutsOutsideTheAllowedRangeAreRejected() {
        GroupFixture f = new GroupFixture(0);
        for (int timeout : new int[] {5_999, 1_800_001}) {
            JoinGroup.Result r = f.coordinator.join(new JoinGroup.Request(GroupFixture.GROUP, "", null, "a", "h",
                    timeout, REBALANCE_MS, "consumer", GroupFixture.range("t1"), true)).join();
            assertEquals(GroupError.INVALID_SESSION_TIMEOUT, r.error());
        }
        assertEquals(GroupError.INVALID_GROUP_ID, f.coordinator.join(new JoinGroup.Request("", "", null, "a", "h",
                SESSION_MS, REBALANCE_MS, "consumer", GroupFixture.range("t1"), true)).join().error());
    }

    @Test
    void syncAndHeartbeatCheckMemberAndGenerationAndAWaitingSyncLearnsOfANewRebalance() {
        GroupFixture f = new GroupFixture(1_000);
        CompletableFuture<JoinGroup.Result> ja = f.joinNew("a");
        CompletableFuture<JoinGroup.Result> jb = f.joinNew("b");
        f.timer.advance(1_000);
        JoinGroup.Result a = done(ja);
        JoinGroup.Result b = done(jb);
        assertEquals(GroupError.NONE, f.heartbeat(b), "CompletingRebalance answers heartbeats with NONE");
        assertEquals(GroupError.ILLEGAL_GENERATION, f.coordinator.sync(new SyncGroup.Request(GroupFixture.GROUP, 7,
                b.memberId(), null, null, null, Map.of())).join().error());
        assertEquals(GroupError.UNKNOWN_MEMBER_ID, f.coordinator.sync(new SyncGroup.Request(GroupFixture.GROUP, 1,
                "nobody", null, null, null, Map.of())).join().error());
        assertEquals(GroupError.INCONSISTENT_GROUP_PROTOCOL, f.coordinator.sync(new SyncGroup.Request(
                GroupFixture.GROUP, 1, b.memberId(), null, "consumer", "roundrobin", Map.of())).join().error());
        assertEquals(GroupError.ILLEGAL_GENERATION, f.coordinator.heartbeat(GroupFixture.GROUP, 0, b.memberId(), null));
        assertEquals(GroupError.UNKNOWN_MEMBER_ID, f.coordinator.heartbeat("other", 1, b.memberId(), null));

        CompletableFuture<SyncGroup.Result> syncB = f.sync(b, Map.of());
        assertFalse(syncB.isDone());
        CompletableFuture<JoinGroup.Result> jc = f.joinNew("c"); // the leader has not synced: rebalance again
        assertEquals(GroupError.REBALANCE_IN_PROGRESS, done(syncB).error());
        assertEquals(GroupError.REBALANCE_IN_PROGRESS, f.sync(a, Map.of()).join().error());
        assertFalse(jc.isDone());
    }

    @Test
    void oldVersionMembersJoinDirectlyWithoutMemberIdRequired() {
        GroupFixture f = new GroupFixture(0);
        JoinGroup.Result r = f.coordinator.join(GroupFixture.request("", "old", false, GroupFixture.range("t1"), null))
                .join();
        assertEquals(GroupError.NONE, r.error());
        assertTrue(r.memberId().startsWith("old-"));
    }

    @Test
    void aRestartedStaticMemberTakesOverItsPlaceWithoutRebalanceAndTheOldIdIsFenced() {
        GroupFixture f = new GroupFixture(0);
        JoinGroup.Result first = done(f.coordinator.join(GroupFixture.request("", "s", true,
                GroupFixture.range("t1"), "instance-1")));
        assertEquals(GroupError.NONE, first.error(), "static members get no MEMBER_ID_REQUIRED");
        assertTrue(first.memberId().startsWith("instance-1-"));
        done(f.sync(first, Map.of(first.memberId(), new byte[] {5})));

        JoinGroup.Result again = done(f.coordinator.join(GroupFixture.request("", "s", true,
                GroupFixture.range("t1"), "instance-1")));
        assertEquals(GroupError.NONE, again.error());
        assertNotEquals(first.memberId(), again.memberId());
        assertEquals(1, again.generationId(), "no rebalance");
        assertTrue(again.skipAssignment());
        assertEquals(GroupState.STABLE, f.state());
        SyncGroup.Result synced = done(f.coordinator.sync(new SyncGroup.Request(GroupFixture.GROUP, 1,
                again.memberId(), "instance-1", null, null, Map.of())));
        assertArrayEquals(new byte[] {5}, synced.assignment());
        assertEquals(GroupError.FENCED_INSTANCE_ID, f.coordinator.heartbeat(GroupFixture.GROUP, 1, first.memberId(),
                "instance-1"));
        assertEquals(GroupError.NONE, f.coordinator.heartbeat(GroupFixture.GROUP, 1, again.memberId(), "instance-1"));
        // a static member leaves by instance id alone
        LeaveGroup.Result left = f.coordinator.leave(GroupFixture.GROUP, List.of(new LeaveGroup.Leaver("",
                "instance-1")));
        assertEquals(GroupError.NONE, left.members().get(0).error());
        assertEquals(GroupState.EMPTY, f.state());
    }

    @Test
    void aBatchLeaveRemovesSeveralMembersAndReportsUnknownOnes() {
        GroupFixture f = new GroupFixture(3_000);
        List<JoinGroup.Result> gen1 = stableGroupOfThree(f);
        LeaveGroup.Result left = f.coordinator.leave(GroupFixture.GROUP, List.of(
                new LeaveGroup.Leaver(gen1.get(1).memberId(), null), new LeaveGroup.Leaver("ghost", null),
                new LeaveGroup.Leaver(gen1.get(2).memberId(), null)));
        assertEquals(List.of(GroupError.NONE, GroupError.UNKNOWN_MEMBER_ID, GroupError.NONE),
                left.members().stream().map(LeaveGroup.MemberResult::error).toList());
        JoinGroup.Result a = done(f.rejoin(gen1.get(0).memberId()));
        assertEquals(2, a.generationId());
        assertEquals(1, a.members().size());
        // the last member leaving empties the group
        f.coordinator.leave(GroupFixture.GROUP, List.of(new LeaveGroup.Leaver(a.memberId(), null)));
        assertEquals(GroupState.EMPTY, f.state());
        assertEquals(GroupError.UNKNOWN_MEMBER_ID, f.heartbeat(a));
    }
}
