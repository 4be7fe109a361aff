package io.ternmq.broker.core;

import io.ternmq.broker.client.ConsumerGroupView;
import io.ternmq.broker.offset.OffsetKey;
import io.ternmq.protocol.message.Subscription;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Every consumer group the broker knows, with the topics it subscribes to (live members) or has committed offsets
 * for; groups that only have a subscription-group config map to no topic. The one view shared by consumer
 * progress and message trace, so both tools agree on which groups exist.
 */
public final class GroupTopics {
    private GroupTopics() {
    }

    /** Sorted by group, then topic; a snapshot. */
    public static Map<String, Set<String>> of(BrokerCore core) {
        Map<String, Set<String>> result = new TreeMap<>();
        for (String group : core.offsets().groups()) {
            for (OffsetKey key : core.offsets().offsetsOf(group).keySet()) {
                result.computeIfAbsent(group, g -> new TreeSet<>()).add(key.topic());
            }
        }
        for (ConsumerGroupView view : core.consumerGroups().consumerGroups()) {
            Set<String> topics = result.computeIfAbsent(view.group(), g -> new TreeSet<>());
            for (Subscription s : view.subscriptions()) {
                topics.add(s.topic());
            }
        }
        core.subscriptionGroups().all().forEach(g -> result.computeIfAbsent(g.name(), n -> new TreeSet<>()));
        return result;
    }
}
