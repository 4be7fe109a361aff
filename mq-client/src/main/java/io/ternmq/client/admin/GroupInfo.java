package io.ternmq.client.admin;

import io.ternmq.protocol.message.MessageModel;

import java.util.List;

/** A consumer group the broker knows: its model, live clients and subscribed topics. */
public record GroupInfo(String group, MessageModel model, List<String> clientIds, List<String> topics) {
}
