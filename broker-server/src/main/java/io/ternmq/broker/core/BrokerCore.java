package io.ternmq.broker.core;

import io.ternmq.broker.client.ConsumerGroupRegistry;
import io.ternmq.broker.config.BrokerConfig;
import io.ternmq.broker.group.SubscriptionGroupRegistry;
import io.ternmq.broker.longpolling.MessageArrivals;
import io.ternmq.broker.message.MessageService;
import io.ternmq.broker.offset.ConsumerOffsetStore;
import io.ternmq.broker.stats.BrokerStats;
import io.ternmq.broker.topic.TopicRegistry;

import java.time.Clock;

/**
 * The protocol-independent core of a broker, handed to every protocol front-end (the native server, and later
 * {@link io.ternmq.broker.spi.ProtocolHandler} plug-ins such as the Kafka adapter): messages, topics, offsets and
 * groups. Front-ends translate their wire format to these calls and nothing else.
 *
 * <p>Thread-safe: every service it holds is.
 *
 * @param config             the validated configuration
 * @param clock              time source
 * @param messages           append and read
 * @param topics             topic configs
 * @param offsets            committed consumer offsets
 * @param consumerGroups     live clients and their groups
 * @param subscriptionGroups persisted consumer group settings
 * @param stats              throughput counters
 * @param advertisedHost     the host clients should connect to ({@code brokerIP1} or detected)
 * @param arrivals           tells front-ends that wait for messages (long polls) when new ones become readable
 */
public record BrokerCore(BrokerConfig config, Clock clock, MessageService messages, TopicRegistry topics,
                         ConsumerOffsetStore offsets, ConsumerGroupRegistry consumerGroups,
                         SubscriptionGroupRegistry subscriptionGroups, BrokerStats stats, String advertisedHost,
                         MessageArrivals arrivals) {

    /** Deletes a topic with everything that hangs off it: its config, its consumer offsets and its store queues. */
    public boolean deleteTopic(String topic) {
        boolean existed = topics.delete(topic);
        offsets.deleteTopic(topic);
        messages.store().deleteTopic(topic);
        return existed;
    }
}
