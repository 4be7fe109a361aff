package io.ternmq.broker.store.commitlog;

import io.ternmq.broker.store.AppendRequest;
import io.ternmq.broker.store.AttachedBatch;
import io.ternmq.broker.store.MessageDraft;
import io.ternmq.broker.store.MessageProperty;
import io.ternmq.broker.store.TagHash;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An append request with its variable parts already turned into bytes, so the put lock only copies bytes and
 * fills in position fields. Built outside the lock.
 */
public final class PreparedEntry {
    final String topic;
    final int queueId;
    final byte[] topicBytes;
    final byte[] bornHostBytes;
    final List<MessageDraft> messages;
    final byte[][] propertyBytes;
    final int totalSize;
    final long tagHash;
    final boolean multiTags;
    final long bodyBytes;
    /** Null, or the batch the bodies are ranges of ({@link RecordEncoder}: stored before the message blocks). */
    final AttachedBatch attached;

    private PreparedEntry(AppendRequest request, byte[] storeHostBytes) {
        this.topic = request.topic();
        this.queueId = request.queueId();
        this.topicBytes = request.topic().getBytes(StandardCharsets.UTF_8);
        this.bornHostBytes = request.bornHost().getBytes(StandardCharsets.UTF_8);
        this.messages = request.messages();
        this.attached = request.attached();
        this.propertyBytes = new byte[messages.size()][];
        long size = RecordEncoder.HEADER_FIXED + 2L + topicBytes.length + 2L + storeHostBytes.length;
        if (attached != null) {
            size += 4L + attached.size();
        }
        long bodies = 0;
        String firstTag = null;
        boolean mixed = false;
        for (int i = 0; i < messages.size(); i++) {
            MessageDraft m = messages.get(i);
            propertyBytes[i] = encodeProperties(m.properties());
            size += messageSize(propertyBytes[i].length, request.bodyLength(i));
            bodies += request.bodyLength(i);
            String tag = m.properties().get(MessageProperty.TAGS);
            if (i == 0) {
                firstTag = tag;
            } else if (!Objects.equals(firstTag, tag)) {
                mixed = true;
            }
        }
        this.totalSize = size > Integer.MAX_VALUE ? Integer.MAX_VALUE : (int) size;
        this.bodyBytes = bodies;
        this.tagHash = TagHash.of(firstTag);
        this.multiTags = mixed;
    }

    /** Bytes of message block {@code i} as {@link RecordEncoder} writes it. */
    int messageSize(int i) {
        return messageSize(propertyBytes[i].length, attached == null ? messages.get(i).body().length : 0);
    }

    private int messageSize(int propertiesLength, int bodyLength) {
        return attached == null
                ? RecordEncoder.MESSAGE_FIXED + bornHostBytes.length + propertiesLength + bodyLength
                : RecordEncoder.MESSAGE_FIXED + RecordEncoder.BODY_START_BYTES + bornHostBytes.length + propertiesLength;
    }

    public static PreparedEntry of(AppendRequest request, byte[] storeHostBytes) {
        return new PreparedEntry(request, storeHostBytes);
    }

    public int totalSize() {
        return totalSize;
    }

    public int messageCount() {
        return messages.size();
    }

    public String topic() {
        return topic;
    }

    public int queueId() {
        return queueId;
    }

    /** Properties as repeated {@code [u16 keyLength][key][u16 valueLength][value]}, UTF-8. */
    static byte[] encodeProperties(Map<String, String> properties) {
        if (properties.isEmpty()) {
            return new byte[0];
        }
        int size = 0;
        byte[][] parts = new byte[properties.size() * 2][];
        int i = 0;
        for (Map.Entry<String, String> e : properties.entrySet()) {
            parts[i] = e.getKey().getBytes(StandardCharsets.UTF_8);
            parts[i + 1] = (e.getValue() == null ? "" : e.getValue()).getBytes(StandardCharsets.UTF_8);
            size += 4 + parts[i].length + parts[i + 1].length;
            i += 2;
        }
        ByteBuffer out = ByteBuffer.allocate(size);
        for (byte[] part : parts) {
            if (part.length > 0xFFFF) {
                // Caught by validation (properties limit); keep the encoder total.
                return new byte[RecordEncoder.MAX_PROPERTIES_BYTES + 1];
            }
            out.putShort((short) part.length).put(part);
        }
        return out.array();
    }
}
