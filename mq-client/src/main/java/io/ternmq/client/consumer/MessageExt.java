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

    /**
     * A message as a consumer receives it: a message of {@code %RETRY%group} gets back the topic it was first sent
     * to ({@code RETRY_TOPIC}), so listeners see the original topic; its queue id and offsets stay those of the
     * retry queue, and {@code reconsumeTimes} says how often it was redelivered.
     */
    public static MessageExt delivered(MessageView v) {
        MessageExt m = of(v);
        String original = v.properties().get(MessageProperties.RETRY_TOPIC);
        if (original == null || !v.topic().startsWith(MessageProperties.RETRY_TOPIC_PREFIX)) {
            return m;
        }
        return new MessageExt(original, m.queueId(), m.queueOffset(), m.msgId(), m.offsetMsgId(), m.tags(), m.keys(),
                m.properties(), m.body(), m.bornTimestamp(), m.storeTimestamp(), m.reconsumeTimes(), m.bornHost(),
                m.commitLogOffset());
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
