package io.ternmq.kafka.group;

import org.apache.kafka.clients.consumer.ConsumerPartitionAssignor;
import org.apache.kafka.clients.consumer.internals.ConsumerProtocol;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A coordinator on a manual clock with helpers that speak like a client: session timeout 10 s, rebalance timeout
 * 30 s, group "g", protocol type "consumer" with a "range" subscription produced by kafka-clients itself.
 */
final class GroupFixture {
    static final String GROUP = "g";
    static final int SESSION_MS = 10_000;
    static final int REBALANCE_MS = 30_000;

    final ManualGroupTimer timer = new ManualGroupTimer(1_000_000);
    final InMemoryCommittedOffsets offsets = new InMemoryCommittedOffsets();
    final GroupCoordinator coordinator;

    GroupFixture(int initialRebalanceDelayMs) {
        coordinator = new GroupCoordinator(GroupConfig.defaults().withInitialRebalanceDelayMs(initialRebalanceDelayMs),
                timer, offsets);
    }

    /** The consumer protocol subscription bytes kafka-clients sends in JoinGroup. */
    static byte[] subscription(String... topics) {
        ByteBuffer buf = ConsumerProtocol.serializeSubscription(
                new ConsumerPartitionAssignor.Subscription(List.of(topics)));
        byte[] bytes = new byte[buf.remaining()];
        buf.get(bytes);
        return bytes;
    }

    static JoinGroup.Request request(String memberId, String clientId, boolean v4, List<JoinGroup.Protocol> protocols,
                                     String instanceId) {
        return new JoinGroup.Request(GROUP, memberId, instanceId, clientId, "/127.0.0.1", SESSION_MS, REBALANCE_MS,
                "consumer", protocols, v4);
    }

    static List<JoinGroup.Protocol> range(String... topics) {
        return List.of(new JoinGroup.Protocol("range", subscription(topics)));
    }

    /** v4+ join of a new member: MEMBER_ID_REQUIRED, then the rejoin with the given id (still waiting). */
    CompletableFuture<JoinGroup.Result> joinNew(String clientId) {
        JoinGroup.Result required = coordinator.join(request("", clientId, true, range("t1"), null)).join();
        assertEquals(GroupError.MEMBER_ID_REQUIRED, required.error());
        assertTrue(required.memberId().startsWith(clientId + "-"), required.memberId());
        return coordinator.join(request(required.memberId(), clientId, true, range("t1"), null));
    }

    CompletableFuture<JoinGroup.Result> rejoin(String memberId) {
        return coordinator.join(request(memberId, "c", true, range("t1"), null));
    }

    CompletableFuture<SyncGroup.Result> sync(JoinGroup.Result joined, Map<String, byte[]> assignments) {
        return coordinator.sync(new SyncGroup.Request(GROUP, joined.generationId(), joined.memberId(), null,
                "consumer", joined.protocolName(), assignments));
    }

    GroupError heartbeat(JoinGroup.Result joined) {
        return coordinator.heartbeat(GROUP, joined.generationId(), joined.memberId(), null);
    }

    GroupState state() {
        return coordinator.admin().describe(List.of(GROUP)).get(0).state();
    }

    static <T> T done(CompletableFuture<T> future) {
        assertTrue(future.isDone(), "expected the call to be answered by now");
        return future.join();
    }
}
