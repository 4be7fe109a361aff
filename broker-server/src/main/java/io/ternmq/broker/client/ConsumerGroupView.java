package io.ternmq.broker.client;

import io.ternmq.protocol.message.MessageModel;
import io.ternmq.protocol.message.Subscription;

import java.util.List;

/**
 * A snapshot of a live consumer group.
 *
 * @param group         group name
 * @param model         clustering or broadcasting, as the latest heartbeat said
 * @param clientIds     live members, sorted
 * @param subscriptions subscriptions of the latest heartbeat, by topic order
 */
public record ConsumerGroupView(String group, MessageModel model, List<String> clientIds,
                                List<Subscription> subscriptions) {
}
