package io.ternmq.broker.store.commitlog;

import io.ternmq.broker.store.MessageProperty;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * What the dispatcher needs of one record (position, queue, offsets, and per message its TAGS, KEYS and UNIQ_KEY),
 * filled by {@link RecordDecoder#decodeForDispatch} without decoding anything else: no host strings, no property
 * maps, and the topic name from a cache of the names seen, so a record costs no allocation beyond the property
 * values it carries. Reused record after record; not thread-safe.
 */
public final class DispatchFields {
    private static final byte[] TAGS = MessageProperty.TAGS.getBytes(StandardCharsets.US_ASCII);
    private static final byte[] KEYS = MessageProperty.KEYS.getBytes(StandardCharsets.US_ASCII);
    private static final byte[] UNIQ_KEY = MessageProperty.UNIQ_KEY.getBytes(StandardCharsets.US_ASCII);

    long commitLogOffset;
    int totalSize;
    long baseQueueOffset;
    long storeTimestamp;
    int queueId;
    int flags;
    int messageCount;
    String topic;
    private String[] tags = new String[16];
    private String[] keys = new String[16];
    private String[] uniqKeys = new String[16];
    private final TopicNames topics = new TopicNames();

    public long commitLogOffset() {
        return commitLogOffset;
    }

    public int totalSize() {
        return totalSize;
    }

    public long baseQueueOffset() {
        return baseQueueOffset;
    }

    public long storeTimestamp() {
        return storeTimestamp;
    }

    public String topic() {
        return topic;
    }

    public int queueId() {
        return queueId;
    }

    public int messageCount() {
        return messageCount;
    }

    public boolean multiTags() {
        return (flags & RecordEncoder.FLAG_MULTI_TAGS) != 0;
    }

    /** Message {@code i}'s TAGS, or null. */
    public String tags(int i) {
        return tags[i];
    }

    /** Message {@code i}'s KEYS, or null. */
    public String keys(int i) {
        return keys[i];
    }

    /** Message {@code i}'s UNIQ_KEY, or null. */
    public String uniqKey(int i) {
        return uniqKeys[i];
    }

    /** Starts a record of {@code count} messages: room for each, none of their properties yet. */
    void startMessages(int count) {
        if (tags.length < count) {
            int size = Math.max(count, tags.length * 2);
            tags = new String[size];
            keys = new String[size];
            uniqKeys = new String[size];
        } else {
            Arrays.fill(tags, 0, count, null);
            Arrays.fill(keys, 0, count, null);
            Arrays.fill(uniqKeys, 0, count, null);
        }
        messageCount = count;
    }

    void topic(ByteBuffer b, int pos, int length) {
        topic = topics.name(b, pos, length);
    }

    /**
     * Keeps the property pair at {@code keyPos} of message {@code i} when it is one the dispatcher needs.
     *
     * @return whether it was
     */
    boolean property(int i, ByteBuffer b, int keyPos, int keyLength, int valuePos, int valueLength) {
        String[] into = BytesAt.equal(TAGS, b, keyPos, keyLength) ? tags
                : BytesAt.equal(KEYS, b, keyPos, keyLength) ? keys
                : BytesAt.equal(UNIQ_KEY, b, keyPos, keyLength) ? uniqKeys : null;
        if (into == null) {
            return false;
        }
        byte[] value = new byte[valueLength];
        b.get(valuePos, value);
        into[i] = new String(value, StandardCharsets.UTF_8);
        return true;
    }
}
