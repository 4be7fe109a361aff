package io.ternmq.broker.client;

import io.ternmq.protocol.command.Heartbeat;
import io.ternmq.protocol.message.MessageModel;
import io.ternmq.protocol.message.Subscription;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * Live clients and the producer and consumer groups they belong to, fed by heartbeats. When a consumer group's
 * membership changes (join, leave, unregister, connection closed, heartbeat expiry), every remaining member is told
 * through {@link ClientConnection#notifyConsumerIdsChanged} so it rebalances at once instead of on its next timer.
 *
 * <p>Thread-safe: all state changes happen under this object's lock; notifications are sent after the lock is
 * released (they only enqueue a write).
 */
public final class ConsumerGroupRegistry {
    private static final System.Logger LOG = System.getLogger(ConsumerGroupRegistry.class.getName());

    private record Member(ClientConnection connection, long lastHeartbeatMs) {
    }

    private static final class ConsumerGroup {
        MessageModel model = MessageModel.CLUSTERING;
        List<Subscription> subscriptions = List.of();
        final Map<String, Member> members = new TreeMap<>();
    }

    private record Notification(ClientConnection connection, String group) {
    }

    private final Clock clock;
    private final Map<String, ConsumerGroup> consumerGroups = new HashMap<>();
    private final Map<String, Map<String, Member>> producerGroups = new HashMap<>();

    public ConsumerGroupRegistry(Clock clock) {
        this.clock = clock;
    }

    /** Records a heartbeat: the client is in exactly these groups now. */
    public void heartbeat(String clientId, ClientConnection connection, List<String> producers,
                          List<Heartbeat.ConsumerGroup> consumers) {
        List<Notification> notifications;
        synchronized (this) {
            long now = clock.millis();
            Set<String> changed = new HashSet<>();
            Set<String> consumerNames = new HashSet<>();
            for (Heartbeat.ConsumerGroup g : consumers) {
                consumerNames.add(g.group());
                ConsumerGroup group = consumerGroups.computeIfAbsent(g.group(), k -> new ConsumerGroup());
                group.model = g.model();
                group.subscriptions = List.copyOf(g.subscriptions());
                Member previous = group.members.put(clientId, new Member(connection, now));
                if (previous == null) {
                    changed.add(g.group());
                    LOG.log(System.Logger.Level.INFO, "consumer {0} ({1}) joined group {2}", clientId,
                            connection.remoteAddress(), g.group());
                }
            }
            // groups the client left without unregistering
            removeMember(clientId, name -> !consumerNames.contains(name), changed);
            Set<String> producerNames = new HashSet<>(producers);
            for (String p : producers) {
                producerGroups.computeIfAbsent(p, k -> new TreeMap<>()).put(clientId, new Member(connection, now));
            }
            producerGroups.forEach((name, members) -> {
                if (!producerNames.contains(name)) {
                    members.remove(clientId);
                }
            });
            producerGroups.values().removeIf(Map::isEmpty);
            notifications = notificationsFor(changed);
        }
        send(notifications);
    }

    /** Removes a client from all its groups (UNREGISTER_CLIENT). */
    public void unregister(String clientId) {
        List<Notification> notifications;
        synchronized (this) {
            Set<String> changed = new HashSet<>();
            removeMember(clientId, name -> true, changed);
            producerGroups.values().forEach(m -> m.remove(clientId));
            producerGroups.values().removeIf(Map::isEmpty);
            notifications = notificationsFor(changed);
        }
        send(notifications);
    }

    /** Removes every member that used this connection (the channel closed). */
    public void connectionClosed(ClientConnection connection) {
        removeWhere(m -> m.connection() == connection, "connection closed");
    }

    /** Removes members whose last heartbeat is older than {@code timeoutMs}. */
    public void expire(long timeoutMs) {
        long deadline = clock.millis() - timeoutMs;
        removeWhere(m -> m.lastHeartbeatMs() < deadline || !m.connection().isActive(), "heartbeat expired");
    }

    private void removeWhere(Predicate<Member> doomed, String reason) {
        List<Notification> notifications;
        synchronized (this) {
            Set<String> changed = new HashSet<>();
            consumerGroups.forEach((name, group) -> {
                group.members.entrySet().removeIf(e -> {
                    if (doomed.test(e.getValue())) {
                        LOG.log(System.Logger.Level.INFO, "consumer {0} left group {1}: {2}", e.getKey(), name, reason);
                        changed.add(name);
                        return true;
                    }
                    return false;
                });
            });
            consumerGroups.values().removeIf(g -> g.members.isEmpty());
            producerGroups.values().forEach(m -> m.values().removeIf(doomed));
            producerGroups.values().removeIf(Map::isEmpty);
            notifications = notificationsFor(changed);
        }
        send(notifications);
    }

    private void removeMember(String clientId, Predicate<String> inGroup, Set<String> changed) {
        consumerGroups.forEach((name, group) -> {
            if (inGroup.test(name) && group.members.remove(clientId) != null) {
                changed.add(name);
                LOG.log(System.Logger.Level.INFO, "consumer {0} left group {1}", clientId, name);
            }
        });
        consumerGroups.values().removeIf(g -> g.members.isEmpty());
    }

    private List<Notification> notificationsFor(Set<String> changed) {
        List<Notification> out = new ArrayList<>();
        for (String name : changed) {
            ConsumerGroup group = consumerGroups.get(name);
            if (group != null) {
                group.members.values().forEach(m -> out.add(new Notification(m.connection(), name)));
            }
        }
        return out;
    }

    private static void send(List<Notification> notifications) {
        for (Notification n : notifications) {
            if (n.connection().isActive()) {
                n.connection().notifyConsumerIdsChanged(n.group());
            }
        }
    }

    /** Live members of a consumer group, sorted; empty for an unknown group. */
    public synchronized List<String> consumerIds(String group) {
        ConsumerGroup g = consumerGroups.get(group);
        return g == null ? List.of() : List.copyOf(g.members.keySet());
    }

    /** True when the client is a live member of the consumer group (queue locks are held by members only). */
    public synchronized boolean isMember(String group, String clientId) {
        ConsumerGroup g = consumerGroups.get(group);
        return g != null && g.members.containsKey(clientId);
    }

    /** Live clients of a producer group, sorted (needed by transaction check-back). */
    public synchronized List<String> producerIds(String group) {
        Map<String, Member> members = producerGroups.get(group);
        return members == null ? List.of() : List.copyOf(members.keySet());
    }

    /** Live connections of a producer group's clients, sorted by client id (transaction check-backs pick one). */
    public synchronized List<ClientConnection> producerConnections(String group) {
        Map<String, Member> members = producerGroups.get(group);
        if (members == null) {
            return List.of();
        }
        List<ClientConnection> out = new ArrayList<>();
        members.values().forEach(m -> out.add(m.connection()));
        return out;
    }

    /** Snapshot of every live consumer group, sorted by name. */
    public synchronized List<ConsumerGroupView> consumerGroups() {
        List<ConsumerGroupView> views = new ArrayList<>();
        new TreeMap<>(consumerGroups).forEach((name, g) -> views.add(
                new ConsumerGroupView(name, g.model, List.copyOf(g.members.keySet()), g.subscriptions)));
        return views;
    }
}
