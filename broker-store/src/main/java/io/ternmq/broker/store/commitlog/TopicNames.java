package io.ternmq.broker.store.commitlog;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Topic names by their UTF-8 bytes, so a scan over many records of the same topics decodes each name once and hands
 * out the same {@code String} (whose hash is then cached for the lookups that follow). A small open-addressing table
 * that starts over when full (topic sets far larger than it still work, just without the saving). Not thread-safe.
 */
final class TopicNames {
    private static final int CAPACITY = 1 << 15; // names of up to 24,576 topics stay the same String
    private static final int MAX_FILL = CAPACITY * 3 / 4;

    private final byte[][] bytes = new byte[CAPACITY][];
    private final String[] names = new String[CAPACITY];
    private int size;

    /** The name whose UTF-8 encoding is the {@code length} bytes of {@code b} at {@code pos}. */
    String name(ByteBuffer b, int pos, int length) {
        int hash = 1;
        for (int k = 0; k < length; k++) {
            hash = 31 * hash + b.get(pos + k);
        }
        int slot = (hash ^ (hash >>> 16)) & (CAPACITY - 1);
        while (bytes[slot] != null) {
            if (BytesAt.equal(bytes[slot], b, pos, length)) {
                return names[slot];
            }
            slot = (slot + 1) & (CAPACITY - 1);
        }
        byte[] copy = new byte[length];
        b.get(pos, copy);
        String name = new String(copy, StandardCharsets.UTF_8);
        if (size == MAX_FILL) {
            Arrays.fill(bytes, null);
            Arrays.fill(names, null);
            size = 0;
            slot = (hash ^ (hash >>> 16)) & (CAPACITY - 1);
        }
        bytes[slot] = copy;
        names[slot] = name;
        size++;
        return name;
    }
}
