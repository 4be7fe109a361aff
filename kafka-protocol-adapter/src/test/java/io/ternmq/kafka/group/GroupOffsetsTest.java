package io.ternmq.kafka.group;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import static io.ternmq.kafka.group.GroupFixture.GROUP;
import static io.ternmq.kafka.group.GroupFixture.done;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GroupOffsetsTest {
    private static final TopicPartition T1P0 = new TopicPartition("t1", 0);
    private static final TopicPartition T1P1 = new TopicPartition("t1", 1);
    private static final TopicPartition T2P0 = new TopicPartition("t2", 0);

    private final GroupFixture f = new GroupFixture(0);

    private OffsetCommit.Result commit(int generation, String memberId, TopicPartition p, long offset,
                                       String metadata) {
        return f.coordinator.offsets().commit(new OffsetCommit.Request(GROUP, generation, memberId, null,
                Map.of(p, new OffsetCommit.Offset(offset, metadata))));
    }

    @Test
    void aStandaloneCommitOnAnUnknownGroupIsAcceptedAndFetchedBack() {
        OffsetCommit.Result r = f.coordinator.offsets().commit(new OffsetCommit.Request(GROUP, -1, "", null, Map.of(
                T1P0, new OffsetCommit.Offset(42, "meta"), T2P0, new OffsetCommit.Offset(7, null))));
        assertEquals(GroupError.NONE, r.error());
        assertTrue(r.partitions().values().stream().allMatch(e -> e == GroupError.NONE));

        OffsetFetch.Result all = f.coordinator.offsets().fetch(GROUP, null);
        assertEquals(List.of(new OffsetFetch.PartitionOffset(T1P0, 42, "meta", GroupError.NONE),
                new OffsetFetch.PartitionOffset(T2P0, 7, "", GroupError.NONE)), all.partitions());
        OffsetFetch.Result some = f.coordinator.offsets().fetch(GROUP, List.of(T1P1, T1P0));
        assertEquals(List.of(new OffsetFetch.PartitionOffset(T1P1, -1, "", GroupError.NONE),
                new OffsetFetch.PartitionOffset(T1P0, 42, "meta", GroupError.NONE)), some.partitions());
        assertEquals(GroupState.EMPTY, f.state());
    }

    @Test
    void commitsAreValidatedAgainstMemberGenerationAndRebalanceState() {
        JoinGroup.Result a1 = done(f.joinNew("a"));
        assertEquals(GroupError.REBALANCE_IN_PROGRESS, commit(1, a1.memberId(), T1P0, 1, "").error(),
                "waiting for the leader's assignment");
        done(f.sync(a1, Map.of()));
        assertEquals(GroupError.NONE, commit(1, a1.memberId(), T1P0, 5, "").error());
        assertEquals(GroupError.UNKNOWN_MEMBER_ID, commit(1, "nobody", T1P0, 6, "").error());
        assertEquals(GroupError.UNKNOWN_MEMBER_ID, commit(-1, "", T1P0, 6, "").error(),
                "a standalone commit on an active group");

        // b joins: generation 2; a's commit with generation 1 is stale
        CompletableFuture<JoinGroup.Result> b = f.joinNew("b");
        JoinGroup.Result a2 = done(f.rejoin(a1.memberId()));
        done(b);
        assertEquals(2, a2.generationId());
        OffsetCommit.Result stale = commit(1, a1.memberId(), T1P0, 9, "");
        assertEquals(GroupError.ILLEGAL_GENERATION, stale.error());
        assertEquals(Map.of(T1P0, GroupError.ILLEGAL_GENERATION), stale.partitions());
        assertEquals(5, f.coordinator.offsets().fetch(GROUP, List.of(T1P0)).partitions().get(0).offset());
        assertEquals(GroupError.ILLEGAL_GENERATION, f.coordinator.offsets().commit(new OffsetCommit.Request(
                "never-seen", 3, "m", null, Map.of(T1P0, new OffsetCommit.Offset(1, "")))).error());
    }

    @Test
    void unknownPartitionsAndOversizedMetadataAreRejectedPerPartition() {
        OffsetCommit.Result r = f.coordinator.offsets().commit(new OffsetCommit.Request(GROUP, -1, "", null, Map.of(
                new TopicPartition("nope", 0), new OffsetCommit.Offset(1, ""),
                new TopicPartition("t1", 3), new OffsetCommit.Offset(1, ""),
                T1P0, new OffsetCommit.Offset(1, "x".repeat(4097)),
                T1P1, new OffsetCommit.Offset(1, "x".repeat(4096)))));
        assertEquals(GroupError.NONE, r.error());
        assertEquals(GroupError.UNKNOWN_TOPIC_OR_PARTITION, r.partitions().get(new TopicPartition("nope", 0)));
        assertEquals(GroupError.UNKNOWN_TOPIC_OR_PARTITION, r.partitions().get(new TopicPartition("t1", 3)));
        assertEquals(GroupError.OFFSET_METADATA_TOO_LARGE, r.partitions().get(T1P0));
        assertEquals(GroupError.NONE, r.partitions().get(T1P1));
        assertEquals(List.of(T1P1), f.coordinator.offsets().fetch(GROUP, null).partitions().stream()
                .map(OffsetFetch.PartitionOffset::partition).toList());
    }

    @Test
    void offsetDeleteRefusesTopicsTheActiveGroupSubscribesTo() {
        commit(-1, "", T1P0, 3, "");
        commit(-1, "", T2P0, 4, "");
        JoinGroup.Result a = done(f.joinNew("a")); // subscribes to t1
        done(f.sync(a, Map.of()));
        OffsetCommit.Result r = f.coordinator.offsets().delete(GROUP, List.of(T1P0, T2P0));
        assertEquals(GroupError.NONE, r.error());
        assertEquals(Map.of(T1P0, GroupError.GROUP_SUBSCRIBED_TO_TOPIC, T2P0, GroupError.NONE), r.partitions());
        assertEquals(List.of(T1P0), f.coordinator.offsets().fetch(GROUP, null).partitions().stream()
                .map(OffsetFetch.PartitionOffset::partition).toList());
        assertEquals(GroupError.GROUP_ID_NOT_FOUND, f.coordinator.offsets().delete("unknown", List.of(T1P0)).error());
    }

    @Test
    void onlyEmptyGroupsCanBeDeletedAndTheirOffsetsGoWithThem() {
        JoinGroup.Result a = done(f.joinNew("a"));
        done(f.sync(a, Map.of()));
        commit(1, a.memberId(), T1P0, 3, "");
        assertEquals(Map.of(GROUP, GroupError.NON_EMPTY_GROUP, "unknown", GroupError.GROUP_ID_NOT_FOUND),
                f.coordinator.admin().delete(List.of(GROUP, "unknown")));
        f.coordinator.leave(GROUP, List.of(new LeaveGroup.Leaver(a.memberId(), null)));
        assertEquals(Map.of(GROUP, GroupError.NONE), f.coordinator.admin().delete(List.of(GROUP)));
        assertTrue(f.offsets.groups().isEmpty());
        assertEquals(GroupError.GROUP_ID_NOT_FOUND, f.coordinator.admin().describe(List.of(GROUP)).get(0).error());
        assertEquals(Map.of(GROUP, GroupError.GROUP_ID_NOT_FOUND), f.coordinator.admin().delete(List.of(GROUP)));
    }

    @Test
    void groupsKnownOnlyByTheirOffsetsAreListedAndDescribedAsEmpty() {
        f.offsets.commit("native-group", T1P0, 10, ""); // e.g. a native consumer group
        JoinGroup.Result a = done(f.joinNew("a"));
        done(f.sync(a, Map.of()));
        assertEquals(List.of(new GroupListing(GROUP, "consumer", GroupState.STABLE),
                new GroupListing("native-group", "", GroupState.EMPTY)), f.coordinator.admin().list(Set.of()));
        assertEquals(List.of(new GroupListing("native-group", "", GroupState.EMPTY)),
                f.coordinator.admin().list(Set.of(GroupState.EMPTY)));
        GroupDescription d = f.coordinator.admin().describe(List.of("native-group")).get(0);
        assertEquals(GroupError.NONE, d.error());
        assertEquals(GroupState.EMPTY, d.state());
        assertTrue(d.members().isEmpty());
        // native group offsets can be deleted through Kafka tools
        assertEquals(Map.of("native-group", GroupError.NONE), f.coordinator.admin().delete(List.of("native-group")));
        assertFalse(f.offsets.groups().contains("native-group"));
    }

    @Test
    void theConsumerProtocolSubscriptionParserReadsWhatKafkaClientsWrite() {
        assertEquals(Set.of("a", "bb", "ccc"), ConsumerProtocolSubscription.topics(
                GroupFixture.subscription("a", "bb", "ccc")).orElseThrow());
        assertTrue(ConsumerProtocolSubscription.topics(new byte[] {0, 1, 0}).isEmpty());
        assertTrue(ConsumerProtocolSubscription.topics(new byte[] {0, 0, 0, 0, 0, 2, 0, 1, 'a'}).isEmpty());
    }
}
