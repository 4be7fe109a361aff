package io.ternmq.client.consumer;

import io.ternmq.client.MessageQueue;
import io.ternmq.protocol.message.MessageProperties;
import io.ternmq.protocol.message.MessageView;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A consumed message with its broker metadata. Immutable.
 *
 * <p>A message read by a pull is a <em>view</em> over the pull response's bytes ({@link PulledMessages}): the
 * numbers (offsets, timestamps, queue id, body length) are read when the response is walked, while the strings,
 * the properties and the body are decoded only when first asked for. A consumer that only counts messages or reads
 * offsets never pays for decoding properties or copying bodies; the response's bytes stay reachable while any of
 * its messages is. Thread-safety: the lazily decoded fields are volatile and hold immutable values, so two threads
 * decoding at once at worst both decode and store equal values.
 *
 * <p>Accessors: {@code msgId} is the client UNIQ_KEY (or the broker id when the producer set none),
 * {@code offsetMsgId} the broker's message id. A message of {@code %RETRY%group} reports the topic it was first
 * sent to ({@code RETRY_TOPIC}), so listeners see the original topic; its queue id and offsets stay those of the
 * retry queue, and {@code reconsumeTimes} says how often it was redelivered.
 */
public final class MessageExt {
    private final int queueId;
    private final long queueOffset;
    private final long bornTimestamp;
    private final long storeTimestamp;
    private final int reconsumeTimes;
    private final long commitLogOffset;
    private final int bodyLength;

    /** The response bytes this view reads from; null for a message built from decoded values. */
    private final byte[] raw;
    private final int topicAt;
    private final int messageIdAt;
    private final int bornHostAt;
    private final int propertiesAt;
    private final int bodyAt;

    private volatile String topic;
    private volatile String offsetMsgId;
    private volatile String bornHost;
    private volatile Map<String, String> properties;
    private volatile List<String> keys;
    private volatile byte[] body;

    public MessageExt(String topic, int queueId, long queueOffset, String msgId, String offsetMsgId, String tags,
                      List<String> keys, Map<String, String> properties, byte[] body, long bornTimestamp,
                      long storeTimestamp, int reconsumeTimes, String bornHost, long commitLogOffset) {
        this.queueId = queueId;
        this.queueOffset = queueOffset;
        this.bornTimestamp = bornTimestamp;
        this.storeTimestamp = storeTimestamp;
        this.reconsumeTimes = reconsumeTimes;
        this.commitLogOffset = commitLogOffset;
        this.bodyLength = body.length;
        this.raw = null;
        this.topicAt = this.messageIdAt = this.bornHostAt = this.propertiesAt = this.bodyAt = -1;
        this.topic = topic;
        this.offsetMsgId = offsetMsgId;
        this.bornHost = bornHost;
        // msgId and tags live in the properties; a caller that passes them apart from the map keeps its choice
        Map<String, String> props = new LinkedHashMap<>(properties);
        if (msgId != null && !msgId.equals(offsetMsgId)) {
            props.putIfAbsent(MessageProperties.UNIQ_KEY, msgId);
        }
        if (tags != null) {
            props.putIfAbsent(MessageProperties.TAGS, tags);
        }
        this.properties = Map.copyOf(props);
        this.keys = List.copyOf(keys);
        this.body = body;
    }

    /** A view over one message of a pull response; the positions point at the fields' length prefixes. */
    MessageExt(byte[] raw, int topicAt, int queueId, long queueOffset, long commitLogOffset, int messageIdAt,
               long storeTimestamp, long bornTimestamp, int bornHostAt, int reconsumeTimes, int propertiesAt,
               int bodyAt, int bodyLength) {
        this.raw = raw;
        this.topicAt = topicAt;
        this.queueId = queueId;
        this.queueOffset = queueOffset;
        this.commitLogOffset = commitLogOffset;
        this.messageIdAt = messageIdAt;
        this.storeTimestamp = storeTimestamp;
        this.bornTimestamp = bornTimestamp;
        this.bornHostAt = bornHostAt;
        this.reconsumeTimes = reconsumeTimes;
        this.propertiesAt = propertiesAt;
        this.bodyAt = bodyAt;
        this.bodyLength = bodyLength;
    }

    public static MessageExt of(MessageView v) {
        return new MessageExt(v.topic(), v.queueId(), v.queueOffset(), v.uniqueId(), v.messageId(), v.tags(),
                splitKeys(v.keys()), v.properties(), v.body(), v.bornTimestamp(), v.storeTimestamp(),
                v.reconsumeTimes(), v.bornHost(), v.commitLogOffset());
    }

    /** A message as a consumer receives it: see the class comment for what happens to retry messages. */
    public static MessageExt delivered(MessageView v) {
        return of(v); // topic() already reports the original topic of a retry message
    }

    /** A copy with another redelivery count (local redelivery). */
    MessageExt withReconsumeTimes(int times) {
        return new MessageExt(storedTopic(), queueId, queueOffset, msgId(), offsetMsgId(), tags(), keys(),
                properties(), body(), bornTimestamp, storeTimestamp, times, bornHost(), commitLogOffset);
    }

    public String topic() {
        String stored = storedTopic();
        if (!stored.startsWith(MessageProperties.RETRY_TOPIC_PREFIX)) {
            return stored;
        }
        String original = properties().get(MessageProperties.RETRY_TOPIC);
        return original != null ? original : stored;
    }

    /** The topic the message is stored in ({@code %RETRY%group} for a redelivery). */
    String storedTopic() {
        String t = topic;
        if (t == null) {
            t = string(topicAt);
            topic = t;
        }
        return t;
    }

    public int queueId() {
        return queueId;
    }

    public long queueOffset() {
        return queueOffset;
    }

    public String msgId() {
        String uniq = properties().get(MessageProperties.UNIQ_KEY);
        return uniq != null ? uniq : offsetMsgId();
    }

    public String offsetMsgId() {
        String id = offsetMsgId;
        if (id == null && raw != null) {
            id = string(messageIdAt);
            offsetMsgId = id;
        }
        return id;
    }

    public String tags() {
        return properties().get(MessageProperties.TAGS);
    }

    public List<String> keys() {
        List<String> k = keys;
        if (k == null) {
            k = splitKeys(properties().get(MessageProperties.KEYS));
            keys = k;
        }
        return k;
    }

    public Map<String, String> properties() {
        Map<String, String> p = properties;
        if (p == null) {
            p = decodeProperties();
            properties = p;
        }
        return p;
    }

    /** The body; copied out of the response the first time it is asked for. */
    public byte[] body() {
        byte[] b = body;
        if (b == null) {
            b = Arrays.copyOfRange(raw, bodyAt, bodyAt + bodyLength);
            body = b;
        }
        return b;
    }

    /** The body's size in bytes, without copying it. */
    public int bodyLength() {
        return bodyLength;
    }

    public long bornTimestamp() {
        return bornTimestamp;
    }

    public long storeTimestamp() {
        return storeTimestamp;
    }

    public int reconsumeTimes() {
        return reconsumeTimes;
    }

    public String bornHost() {
        String h = bornHost;
        if (h == null && raw != null) {
            h = string(bornHostAt);
            bornHost = h;
        }
        return h;
    }

    public long commitLogOffset() {
        return commitLogOffset;
    }

    public MessageQueue messageQueue() {
        return new MessageQueue(topic(), queueId);
    }

    /** A property by name, or null. */
    public String property(String name) {
        return properties().get(name);
    }

    /** The body decoded as UTF-8. */
    public String bodyAsString() {
        return new String(body(), StandardCharsets.UTF_8);
    }

    /** The UNIQ_KEY the producer generated, or null. */
    public String uniqKey() {
        return properties().get(MessageProperties.UNIQ_KEY);
    }

    /** Same stored message: same queue, offset and commit-log position. */
    @Override
    public boolean equals(Object o) {
        return o instanceof MessageExt m && m.queueId == queueId && m.queueOffset == queueOffset
                && m.commitLogOffset == commitLogOffset && m.storedTopic().equals(storedTopic());
    }

    @Override
    public int hashCode() {
        return Objects.hash(storedTopic(), queueId, queueOffset, commitLogOffset);
    }

    @Override
    public String toString() {
        return "MessageExt{" + topic() + "#" + queueId + "@" + queueOffset + ", msgId=" + msgId() + ", tags=" + tags()
                + ", keys=" + keys() + ", bodyBytes=" + bodyLength + '}';
    }

    private static List<String> splitKeys(String keys) {
        if (keys == null || keys.isBlank()) {
            return List.of();
        }
        return Arrays.stream(keys.trim().split("\\s+")).toList();
    }

    /** An int16-length-prefixed UTF-8 string (-1: null) at {@code at}; bounds were checked by {@link PulledMessages}. */
    private String string(int at) {
        int length = (short) (((raw[at] & 0xff) << 8) | (raw[at + 1] & 0xff));
        return length < 0 ? null : new String(raw, at + 2, length, StandardCharsets.UTF_8);
    }

    private Map<String, String> decodeProperties() {
        int at = propertiesAt;
        int count = PulledMessages.int32(raw, at);
        at += 4;
        if (count == 0) {
            return Map.of();
        }
        @SuppressWarnings("unchecked")
        Map.Entry<String, String>[] entries = new Map.Entry[count];
        int n = 0;
        for (int i = 0; i < count; i++) {
            String key = string(at);
            at += 2 + Math.max(0, PulledMessages.stringBytes(raw, at));
            String value = string(at);
            at += 2 + Math.max(0, PulledMessages.stringBytes(raw, at));
            if (value != null) { // Map.copyOf refuses nulls; an absent property reads the same as a null one
                entries[n++] = Map.entry(key, value);
            }
        }
        try {
            return Map.ofEntries(Arrays.copyOf(entries, n));
        } catch (IllegalArgumentException duplicateKey) {
            // the broker never writes a key twice; if a frame does, the last value wins, as in a decoded map
            Map<String, String> m = new LinkedHashMap<>();
            for (int i = 0; i < n; i++) {
                m.put(entries[i].getKey(), entries[i].getValue());
            }
            return Map.copyOf(m);
        }
    }
}
