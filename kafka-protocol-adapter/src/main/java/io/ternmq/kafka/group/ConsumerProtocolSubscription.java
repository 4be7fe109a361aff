package io.ternmq.kafka.group;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the subscribed topics out of a "consumer" protocol member's metadata, for OffsetDelete's
 * GROUP_SUBSCRIBED_TO_TOPIC check. Only the common prefix of every version is read (the schema is not flexible):
 *
 * <pre>
 * int16  version
 * int32  topic count (-1 = null)
 * count × (int16 length, UTF-8 bytes)   topic names
 * ...    user data, owned partitions, generation, rack (ignored)
 * </pre>
 */
final class ConsumerProtocolSubscription {
    private ConsumerProtocolSubscription() {
    }

    /** The topics, or empty when the bytes are not a consumer protocol subscription. */
    static Optional<Set<String>> topics(byte[] metadata) {
        if (metadata == null) {
            return Optional.empty();
        }
        try {
            ByteBuffer buf = ByteBuffer.wrap(metadata);
            if (buf.getShort() < 0) {
                return Optional.empty();
            }
            int count = buf.getInt();
            if (count < 0 || count > buf.remaining() / 2) {
                return count == -1 ? Optional.of(Set.of()) : Optional.empty();
            }
            Set<String> topics = new LinkedHashSet<>();
            for (int i = 0; i < count; i++) {
                int length = buf.getShort();
                if (length < 0 || length > buf.remaining()) {
                    return Optional.empty();
                }
                byte[] name = new byte[length];
                buf.get(name);
                topics.add(new String(name, StandardCharsets.UTF_8));
            }
            return Optional.of(topics);
        } catch (BufferUnderflowException e) {
            return Optional.empty();
        }
    }
}
