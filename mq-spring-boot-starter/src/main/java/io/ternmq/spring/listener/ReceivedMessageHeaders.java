package io.ternmq.spring.listener;

import io.ternmq.client.consumer.MessageExt;
import io.ternmq.protocol.message.MessageProperties;
import io.ternmq.spring.support.MQHeaders;
import io.ternmq.spring.support.UserPropertyNames;
import org.springframework.messaging.MessageHeaders;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The Spring headers of a received message: the {@code mq_*} metadata of {@link MQHeaders} (topic, tags, keys,
 * ids, offsets, timestamps, reconsume count, consumer group) plus every user property under its own name. The
 * client's and broker's own properties ({@link MessageProperties}: TAGS, KEYS, UNIQ_KEY, RETRY_TOPIC, ...) are not
 * repeated as headers; they appear only as their {@code mq_*} form where one exists. Stateless and thread-safe.
 */
final class ReceivedMessageHeaders {
    private static final Set<String> RESERVED = UserPropertyNames.reserved();

    private ReceivedMessageHeaders() {
    }

    /** Headers for {@code message} as received by {@code group}; Spring adds {@code id} and {@code timestamp}. */
    static MessageHeaders of(MessageExt message, String group) {
        Map<String, Object> headers = new LinkedHashMap<>();
        message.properties().forEach((name, value) -> {
            if (!RESERVED.contains(name)) {
                headers.put(name, value);
            }
        });
        headers.put(MQHeaders.TOPIC, message.topic());
        if (message.tags() != null) {
            headers.put(MQHeaders.TAGS, message.tags());
        }
        if (!message.keys().isEmpty()) {
            headers.put(MQHeaders.KEYS, String.join(",", message.keys()));
        }
        headers.put(MQHeaders.MESSAGE_ID, message.msgId());
        headers.put(MQHeaders.QUEUE_ID, message.queueId());
        headers.put(MQHeaders.QUEUE_OFFSET, message.queueOffset());
        headers.put(MQHeaders.RECONSUME_TIMES, message.reconsumeTimes());
        headers.put(MQHeaders.BORN_TIMESTAMP, message.bornTimestamp());
        headers.put(MQHeaders.STORE_TIMESTAMP, message.storeTimestamp());
        headers.put(MQHeaders.CONSUMER_GROUP, group);
        return new MessageHeaders(headers);
    }
}
