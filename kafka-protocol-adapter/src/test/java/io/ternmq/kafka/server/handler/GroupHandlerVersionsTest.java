package io.ternmq.kafka.server.handler;

import io.ternmq.kafka.codec.ApiKey;
import io.ternmq.kafka.codec.KafkaError;
import io.ternmq.kafka.codec.RequestHeader;
import io.ternmq.kafka.codec.Struct;
import io.ternmq.kafka.codec.api.DescribeGroupsApi;
import io.ternmq.kafka.codec.api.HeartbeatApi;
import io.ternmq.kafka.codec.api.JoinGroupApi;
import io.ternmq.kafka.codec.api.LeaveGroupApi;
import io.ternmq.kafka.codec.api.OffsetCommitApi;
import io.ternmq.kafka.codec.api.OffsetDeleteApi;
import io.ternmq.kafka.codec.api.OffsetFetchApi;
import io.ternmq.kafka.codec.api.SyncGroupApi;
import io.ternmq.kafka.group.InMemoryCommittedOffsets;
import io.ternmq.kafka.group.GroupConfig;
import io.ternmq.kafka.group.GroupCoordinator;
import io.ternmq.kafka.group.ManualGroupTimer;
import io.ternmq.kafka.group.TopicPartition;
import io.ternmq.kafka.server.ApiHandler;
import io.ternmq.kafka.server.KafkaConnection;
import io.ternmq.kafka.server.RequestContext;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The group handlers at the versions where the wire differs (JoinGroup v0 vs v4, LeaveGroup v0 vs v3, OffsetFetch v1
 * vs v2+), called directly with request Structs on a coordinator with a manual clock. The Java client only uses the
 * newest versions; older ones are what librdkafka and older clients send.
 */
class GroupHandlerVersionsTest {
    private static final byte[] METADATA = {0, 1, 0, 0, 0, 1, 0, 1, 't', -1, -1, -1, -1};

    private final ManualGroupTimer timer = new ManualGroupTimer(1_000);
    private final InMemoryCommittedOffsets offsets =
            new InMemoryCommittedOffsets(Set.of(new TopicPartition("t", 0), new TopicPartition("t", 1)));
    private final GroupCoordinator coordinator = new GroupCoordinator(
            GroupConfig.defaults().withInitialRebalanceDelayMs(0), timer, offsets);

    /** Committed offsets in a map, over a fixed set of existing partitions. */
    private static CompletableFuture<Struct> call(ApiHandler handler, ApiKey api, int version, Struct request) {
        RequestContext context = new RequestContext(new KafkaConnection("/10.1.2.3:5555", false),
                new RequestHeader(api.id(), (short) version, 7, "app"), api);
        return handler.handle(context, request);
    }

    private static Struct done(CompletableFuture<Struct> future) {
        assertTrue(future.isDone(), "answered by now");
        return future.join();
    }

    private static short error(Struct response, io.ternmq.kafka.codec.Field<Short> field) {
        return response.get(field);
    }

    private Struct joinRequest(String memberId) {
        return new Struct(JoinGroupApi.Request.SCHEMA)
                .set(JoinGroupApi.Request.GROUP_ID, "g")
                .set(JoinGroupApi.Request.SESSION_TIMEOUT_MS, 10_000)
                .set(JoinGroupApi.Request.REBALANCE_TIMEOUT_MS, 60_000)
                .set(JoinGroupApi.Request.MEMBER_ID, memberId)
                .set(JoinGroupApi.Request.PROTOCOL_TYPE, "consumer")
                .set(JoinGroupApi.Request.PROTOCOLS, List.of(new Struct(
                        JoinGroupApi.Request.JoinGroupRequestProtocol.SCHEMA)
                        .set(JoinGroupApi.Request.JoinGroupRequestProtocol.NAME, "range")
                        .set(JoinGroupApi.Request.JoinGroupRequestProtocol.METADATA, METADATA)));
    }

    private CompletableFuture<Struct> join(int version, String memberId) {
        return call(new JoinGroupHandler(coordinator), ApiKey.JOIN_GROUP, version, joinRequest(memberId));
    }

    /** The v4+ way in: MEMBER_ID_REQUIRED with an id, then the join with that id (answered or still waiting). */
    private CompletableFuture<Struct> joinNew(int version) {
        Struct required = done(join(version, ""));
        assertEquals(KafkaError.MEMBER_ID_REQUIRED.code(), error(required, JoinGroupApi.Response.ERROR_CODE));
        return join(version, required.get(JoinGroupApi.Response.MEMBER_ID));
    }

    private Struct sync(Struct joined, Map<String, byte[]> assignments) {
        List<Struct> list = assignments.entrySet().stream().map(e -> new Struct(
                SyncGroupApi.Request.SyncGroupRequestAssignment.SCHEMA)
                .set(SyncGroupApi.Request.SyncGroupRequestAssignment.MEMBER_ID, e.getKey())
                .set(SyncGroupApi.Request.SyncGroupRequestAssignment.ASSIGNMENT, e.getValue())).toList();
        return done(call(new SyncGroupHandler(coordinator), ApiKey.SYNC_GROUP, 3,
                new Struct(SyncGroupApi.Request.SCHEMA)
                        .set(SyncGroupApi.Request.GROUP_ID, "g")
                        .set(SyncGroupApi.Request.GENERATION_ID, joined.get(JoinGroupApi.Response.GENERATION_ID))
                        .set(SyncGroupApi.Request.MEMBER_ID, joined.get(JoinGroupApi.Response.MEMBER_ID))
                        .set(SyncGroupApi.Request.ASSIGNMENTS, list)));
    }

    private short heartbeat(Struct joined) {
        return done(call(new HeartbeatHandler(coordinator), ApiKey.HEARTBEAT, 3,
                new Struct(HeartbeatApi.Request.SCHEMA)
                        .set(HeartbeatApi.Request.GROUP_ID, "g")
                        .set(HeartbeatApi.Request.GENERATION_ID, joined.get(JoinGroupApi.Response.GENERATION_ID))
                        .set(HeartbeatApi.Request.MEMBER_ID, joined.get(JoinGroupApi.Response.MEMBER_ID))))
                .get(HeartbeatApi.Response.ERROR_CODE);
    }

    @Test
    void joinGroupV0JoinsAtOnceWhileV4FirstHandsOutAMemberId() {
        Struct v0 = done(join(0, ""));
        assertEquals(KafkaError.NONE.code(), error(v0, JoinGroupApi.Response.ERROR_CODE));
        String memberId = v0.get(JoinGroupApi.Response.MEMBER_ID);
        assertTrue(memberId.startsWith("app-"), memberId);
        assertEquals(1, v0.get(JoinGroupApi.Response.GENERATION_ID));
        assertEquals("range", v0.get(JoinGroupApi.Response.PROTOCOL_NAME));
        assertEquals(memberId, v0.get(JoinGroupApi.Response.LEADER));
        List<Struct> members = v0.get(JoinGroupApi.Response.MEMBERS);
        assertEquals(1, members.size());
        assertArrayEquals(METADATA, members.get(0).get(JoinGroupApi.Response.JoinGroupResponseMember.METADATA));

        Struct v4 = done(join(4, ""));
        assertEquals(KafkaError.MEMBER_ID_REQUIRED.code(), error(v4, JoinGroupApi.Response.ERROR_CODE));
        assertTrue(v4.get(JoinGroupApi.Response.MEMBER_ID).startsWith("app-"));
        assertEquals("", v4.get(JoinGroupApi.Response.PROTOCOL_NAME), "not nullable before v7");
        assertEquals(-1, v4.get(JoinGroupApi.Response.GENERATION_ID));
    }

    @Test
    void aJoinWaitingForTheRebalanceReturnsAtOnceAndIsAnsweredWhenTheGroupIsComplete() {
        Struct leader = done(joinNew(5));
        String leaderId = leader.get(JoinGroupApi.Response.MEMBER_ID);
        Struct synced = sync(leader, Map.of(leaderId, new byte[] {1, 2}));
        assertArrayEquals(new byte[] {1, 2}, synced.get(SyncGroupApi.Response.ASSIGNMENT));
        assertEquals(KafkaError.NONE.code(), heartbeat(leader));

        // a second member: the handler hands back an unanswered future instead of blocking its worker thread
        CompletableFuture<Struct> second = joinNew(5);
        assertFalse(second.isDone(), "waits for the leader to rejoin");
        assertEquals(KafkaError.REBALANCE_IN_PROGRESS.code(), heartbeat(leader));

        CompletableFuture<Struct> leaderAgain = join(5, leaderId);
        Struct leaderJoined = done(leaderAgain);
        Struct secondJoined = done(second);
        assertEquals(2, leaderJoined.get(JoinGroupApi.Response.GENERATION_ID));
        assertEquals(2, leaderJoined.get(JoinGroupApi.Response.MEMBERS).size());
        assertTrue(secondJoined.get(JoinGroupApi.Response.MEMBERS).isEmpty(), "only the leader gets the members");

        CompletableFuture<Struct> followerSync = call(new SyncGroupHandler(coordinator), ApiKey.SYNC_GROUP, 0,
                new Struct(SyncGroupApi.Request.SCHEMA)
                        .set(SyncGroupApi.Request.GROUP_ID, "g")
                        .set(SyncGroupApi.Request.GENERATION_ID, 2)
                        .set(SyncGroupApi.Request.MEMBER_ID, secondJoined.get(JoinGroupApi.Response.MEMBER_ID))
                        .set(SyncGroupApi.Request.ASSIGNMENTS, List.of()));
        assertFalse(followerSync.isDone(), "a follower waits for the leader's assignment");
        sync(leaderJoined, Map.of(leaderId, new byte[] {1},
                secondJoined.get(JoinGroupApi.Response.MEMBER_ID), new byte[] {2}));
        assertArrayEquals(new byte[] {2}, done(followerSync).get(SyncGroupApi.Response.ASSIGNMENT));
    }

    @Test
    void leaveGroupV0AnswersWithTheMembersErrorAndV3PerMember() {
        Struct joined = done(join(0, ""));
        String memberId = joined.get(JoinGroupApi.Response.MEMBER_ID);
        LeaveGroupHandler leave = new LeaveGroupHandler(coordinator);

        Struct v0 = done(call(leave, ApiKey.LEAVE_GROUP, 0, new Struct(LeaveGroupApi.Request.SCHEMA)
                .set(LeaveGroupApi.Request.GROUP_ID, "g").set(LeaveGroupApi.Request.MEMBER_ID, "stranger")));
        assertEquals(KafkaError.UNKNOWN_MEMBER_ID.code(), error(v0, LeaveGroupApi.Response.ERROR_CODE));

        Struct v3 = done(call(leave, ApiKey.LEAVE_GROUP, 3, new Struct(LeaveGroupApi.Request.SCHEMA)
                .set(LeaveGroupApi.Request.GROUP_ID, "g")
                .set(LeaveGroupApi.Request.MEMBERS, List.of(
                        new Struct(LeaveGroupApi.Request.MemberIdentity.SCHEMA)
                                .set(LeaveGroupApi.Request.MemberIdentity.MEMBER_ID, memberId),
                        new Struct(LeaveGroupApi.Request.MemberIdentity.SCHEMA)
                                .set(LeaveGroupApi.Request.MemberIdentity.MEMBER_ID, "stranger")))));
        assertEquals(KafkaError.NONE.code(), error(v3, LeaveGroupApi.Response.ERROR_CODE));
        assertEquals(List.of(KafkaError.NONE.code(), KafkaError.UNKNOWN_MEMBER_ID.code()),
                v3.get(LeaveGroupApi.Response.MEMBERS).stream()
                        .map(m -> m.get(LeaveGroupApi.Response.MemberResponse.ERROR_CODE)).toList());
        assertEquals("Empty", describe("g").get(DescribeGroupsApi.Response.DescribedGroup.GROUP_STATE));
    }

    private Struct describe(String group) {
        Struct response = done(call(new DescribeGroupsHandler(coordinator), ApiKey.DESCRIBE_GROUPS, 4,
                new Struct(DescribeGroupsApi.Request.SCHEMA).set(DescribeGroupsApi.Request.GROUPS, List.of(group))));
        return response.get(DescribeGroupsApi.Response.GROUPS).get(0);
    }

    @Test
    void describeGroupsShowsTheClientHostAndAnUnknownGroupAsDead() {
        Struct member = done(join(0, ""));
        Struct group = describe("g");
        assertEquals("CompletingRebalance", group.get(DescribeGroupsApi.Response.DescribedGroup.GROUP_STATE));
        Struct described = group.get(DescribeGroupsApi.Response.DescribedGroup.MEMBERS).get(0);
        assertEquals(member.get(JoinGroupApi.Response.MEMBER_ID),
                described.get(DescribeGroupsApi.Response.DescribedGroupMember.MEMBER_ID));
        assertEquals("/10.1.2.3", described.get(DescribeGroupsApi.Response.DescribedGroupMember.CLIENT_HOST));
        assertEquals("app", described.get(DescribeGroupsApi.Response.DescribedGroupMember.CLIENT_ID));

        Struct unknown = describe("nobody");
        assertEquals(KafkaError.NONE.code(), unknown.get(DescribeGroupsApi.Response.DescribedGroup.ERROR_CODE),
                "GROUP_ID_NOT_FOUND only from v6");
        assertEquals("Dead", unknown.get(DescribeGroupsApi.Response.DescribedGroup.GROUP_STATE));
    }

    private static Struct commitRequest(String topic, int... partitions) {
        List<Struct> parts = java.util.Arrays.stream(partitions).mapToObj(p -> new Struct(
                OffsetCommitApi.Request.OffsetCommitRequestPartition.SCHEMA)
                .set(OffsetCommitApi.Request.OffsetCommitRequestPartition.PARTITION_INDEX, p)
                .set(OffsetCommitApi.Request.OffsetCommitRequestPartition.COMMITTED_OFFSET, 5L + p)
                .set(OffsetCommitApi.Request.OffsetCommitRequestPartition.COMMITTED_METADATA, null)).toList();
        return new Struct(OffsetCommitApi.Request.SCHEMA)
                .set(OffsetCommitApi.Request.GROUP_ID, "g")
                .set(OffsetCommitApi.Request.TOPICS, List.of(new Struct(
                        OffsetCommitApi.Request.OffsetCommitRequestTopic.SCHEMA)
                        .set(OffsetCommitApi.Request.OffsetCommitRequestTopic.NAME, topic)
                        .set(OffsetCommitApi.Request.OffsetCommitRequestTopic.PARTITIONS, parts)));
    }

    private static List<Short> commitErrors(Struct response) {
        return response.get(OffsetCommitApi.Response.TOPICS).get(0)
                .get(OffsetCommitApi.Response.OffsetCommitResponseTopic.PARTITIONS).stream()
                .map(p -> p.get(OffsetCommitApi.Response.OffsetCommitResponsePartition.ERROR_CODE)).toList();
    }

    private Struct fetch(int version, String topic, List<Integer> partitions) {
        Struct request = new Struct(OffsetFetchApi.Request.SCHEMA).set(OffsetFetchApi.Request.GROUP_ID, "g")
                .set(OffsetFetchApi.Request.TOPICS, topic == null ? null : List.of(new Struct(
                        OffsetFetchApi.Request.OffsetFetchRequestTopic.SCHEMA)
                        .set(OffsetFetchApi.Request.OffsetFetchRequestTopic.NAME, topic)
                        .set(OffsetFetchApi.Request.OffsetFetchRequestTopic.PARTITION_INDEXES, partitions)));
        return done(call(new OffsetFetchHandler(coordinator), ApiKey.OFFSET_FETCH, version, request));
    }

    private static Map<Integer, Long> fetched(Struct response) {
        return response.get(OffsetFetchApi.Response.TOPICS).stream()
                .flatMap(t -> t.get(OffsetFetchApi.Response.OffsetFetchResponseTopic.PARTITIONS).stream())
                .collect(Collectors.toMap(
                        p -> p.get(OffsetFetchApi.Response.OffsetFetchResponsePartition.PARTITION_INDEX),
                        p -> p.get(OffsetFetchApi.Response.OffsetFetchResponsePartition.COMMITTED_OFFSET)));
    }

    @Test
    void offsetCommitAnswersPerPartitionAndOffsetFetchOfNeverCommittedIsMinusOne() {
        OffsetCommitHandler commit = new OffsetCommitHandler(coordinator);
        assertEquals(List.of(KafkaError.NONE.code(), KafkaError.UNKNOWN_TOPIC_OR_PARTITION.code()),
                commitErrors(done(call(commit, ApiKey.OFFSET_COMMIT, 2, commitRequest("t", 0, 7)))));
        assertEquals(List.of(KafkaError.UNKNOWN_TOPIC_OR_PARTITION.code()),
                commitErrors(done(call(commit, ApiKey.OFFSET_COMMIT, 7, commitRequest("missing", 0)))));
        assertEquals(5L, offsets.committed("g", new TopicPartition("t", 0)).orElseThrow().offset());

        Struct v1 = fetch(1, "t", List.of(0, 1));
        assertEquals(Map.of(0, 5L, 1, -1L), fetched(v1));
        Struct never = v1.get(OffsetFetchApi.Response.TOPICS).get(0)
                .get(OffsetFetchApi.Response.OffsetFetchResponseTopic.PARTITIONS).get(1);
        assertEquals(KafkaError.NONE.code(), never.get(OffsetFetchApi.Response.OffsetFetchResponsePartition.ERROR_CODE));
        assertEquals("", never.get(OffsetFetchApi.Response.OffsetFetchResponsePartition.METADATA));

        Struct all = fetch(2, null, null);
        assertEquals(Map.of(0, 5L), fetched(all), "null topics (v2+): every committed partition");
        assertEquals(KafkaError.NONE.code(), all.get(OffsetFetchApi.Response.ERROR_CODE));
        assertEquals(-1, fetch(5, "t", List.of(0)).get(OffsetFetchApi.Response.TOPICS).get(0)
                .get(OffsetFetchApi.Response.OffsetFetchResponseTopic.PARTITIONS).get(0)
                .get(OffsetFetchApi.Response.OffsetFetchResponsePartition.COMMITTED_LEADER_EPOCH));
    }

    @Test
    void offsetDeleteOfAnUnknownGroupIsATopLevelError(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        io.ternmq.broker.topic.TopicRegistry topics = new io.ternmq.broker.topic.TopicRegistry(dir, true, 2);
        topics.checkWrite("t", 0);
        Struct response = done(call(new OffsetDeleteHandler(coordinator, topics), ApiKey.OFFSET_DELETE, 0,
                new Struct(OffsetDeleteApi.Request.SCHEMA)
                        .set(OffsetDeleteApi.Request.GROUP_ID, "nobody")
                        .set(OffsetDeleteApi.Request.TOPICS, List.of(new Struct(
                                OffsetDeleteApi.Request.OffsetDeleteRequestTopic.SCHEMA)
                                .set(OffsetDeleteApi.Request.OffsetDeleteRequestTopic.NAME, "t")
                                .set(OffsetDeleteApi.Request.OffsetDeleteRequestTopic.PARTITIONS, List.of(new Struct(
                                        OffsetDeleteApi.Request.OffsetDeleteRequestPartition.SCHEMA)
                                        .set(OffsetDeleteApi.Request.OffsetDeleteRequestPartition.PARTITION_INDEX,
                                                0)))))));
        assertEquals(KafkaError.GROUP_ID_NOT_FOUND.code(), response.get(OffsetDeleteApi.Response.ERROR_CODE));
        assertTrue(response.get(OffsetDeleteApi.Response.TOPICS).isEmpty());
    }
}
