package io.ternmq.client.consumer;

import io.ternmq.client.MessageQueue;
import io.ternmq.protocol.message.MessageProperties;
import io.ternmq.protocol.message.MessageView;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A consumed message with its broker metadata. Immutable.
 *
 * @param msgId       the client UNIQ_KEY (or the broker id when the producer set none)
 * @param offsetMsgId the broker's message id
 */
public record MessageExt(String topic, int queueId, long queueOffset, String msgId, String offsetMsgId, String tags,
                         List<String> keys, Map<String, String> properties, byte[] body, long bornTimestamp,
                         long storeTimestamp, int reconsumeTimes, String bornHost, long commitLogOffset) {

    public static MessageExt of(MessageView v) {
        String keys = v.keys();
        List<String> keyList = keys == null || keys.isBlank() ? List.of()
                : Arrays.stream(keys.trim().split("\\s+")).toList();
        return new MessageExt(v.topic(), v.queueId(), v.queueOffset(), v.uniqueId(), v.messageId(), v.tags(), keyList,
                Map.copyOf(v.properties()), v.body(), v.bornTimestamp(), v.storeTimestamp(), v.reconsumeTimes(),
                v.bornHost(), v.commitLogOffset());
    }

    public MessageQueue messageQueue() {
        return new MessageQueue(topic, queueId);
    }

    /** A property by name, or null. */
    public String property(String name) {
        return properties.get(name);
    }

    /** The body decoded as UTF-8. */
    public String bodyAsString() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** The UNIQ_KEY the producer generated, or null. */
    public String uniqKey() {
        return properties.get(MessageProperties.UNIQ_KEY);
    }

    @Override
    public String toString() {
        return "MessageExt{" + topic + "#" + queueId + "@" + queueOffset + ", msgId=" + msgId + ", tags=" + tags
                + ", keys=" + keys + ", bodyBytes=" + body.length + '}';
    }
}
