package io.ternmq.kafka.group;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * One member of a classic group. Mutable; guarded by its group's lock (see {@link ClassicGroup}).
 */
final class GroupMember {
    static final byte[] NO_BYTES = new byte[0];

    /** Changes only when a static member rejoins without id and gets a new one. */
    String memberId;
    final String groupInstanceId;
    String clientId;
    String clientHost;
    int sessionTimeoutMs;
    int rebalanceTimeoutMs;
    /** Protocol name → metadata, in the member's order of preference. */
    Map<String, byte[]> protocols;
    byte[] assignment = NO_BYTES;

    /** Set while the member waits in JoinGroup for the rebalance to complete. */
    CompletableFuture<JoinGroup.Result> awaitingJoin;
    /** Set while the member waits in SyncGroup for the leader's assignment. */
    CompletableFuture<SyncGroup.Result> awaitingSync;

    /** The member expires when it has not been heard from by then (unless it waits in join or sync). */
    long sessionDeadlineMs;
    GroupTimer.Cancellable expiryTask;

    GroupMember(String memberId, JoinGroup.Request request) {
        this.memberId = memberId;
        this.groupInstanceId = request.groupInstanceId();
        update(request);
    }

    void update(JoinGroup.Request request) {
        this.clientId = request.clientId();
        this.clientHost = request.clientHost() == null ? "" : request.clientHost();
        this.sessionTimeoutMs = request.sessionTimeoutMs();
        this.rebalanceTimeoutMs = request.rebalanceTimeoutMs();
        this.protocols = protocolMap(request.protocols());
    }

    boolean sameProtocols(List<JoinGroup.Protocol> other) {
        Map<String, byte[]> map = protocolMap(other);
        if (!List.copyOf(map.keySet()).equals(List.copyOf(protocols.keySet()))) {
            return false;
        }
        return map.entrySet().stream().allMatch(e -> Arrays.equals(e.getValue(), protocols.get(e.getKey())));
    }

    byte[] metadata(String protocol) {
        byte[] metadata = protocol == null ? null : protocols.get(protocol);
        return metadata == null ? NO_BYTES : metadata;
    }

    boolean isStatic() {
        return groupInstanceId != null;
    }

    private static Map<String, byte[]> protocolMap(List<JoinGroup.Protocol> protocols) {
        Map<String, byte[]> map = new LinkedHashMap<>();
        for (JoinGroup.Protocol p : protocols) {
            map.putIfAbsent(p.name(), p.metadata() == null ? NO_BYTES : p.metadata());
        }
        return map;
    }
}
