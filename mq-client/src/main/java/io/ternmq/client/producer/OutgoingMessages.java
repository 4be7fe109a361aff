package io.ternmq.client.producer;

import io.ternmq.client.Message;
import io.ternmq.protocol.message.MessageProperties;
import io.ternmq.protocol.message.OutgoingMessage;

import java.util.LinkedHashMap;
import java.util.Map;

/** Turns an API {@link Message} into its wire form, adding the reserved properties (tags, keys, UNIQ_KEY). */
final class OutgoingMessages {
    private OutgoingMessages() {
    }

    static OutgoingMessage encode(Message message, String uniqKey, long bornTimestamp) {
        Map<String, String> props = new LinkedHashMap<>(message.properties());
        if (message.tags() != null) {
            props.put(MessageProperties.TAGS, message.tags());
        }
        if (!message.keys().isEmpty()) {
            props.put(MessageProperties.KEYS, String.join(" ", message.keys()));
        }
        props.put(MessageProperties.UNIQ_KEY, uniqKey);
        message.delivery().addProperties(props, bornTimestamp);
        return new OutgoingMessage(props, message.body(), bornTimestamp, 0, 0);
    }
}
