package io.ternmq.broker.store.commitlog;

import java.nio.ByteBuffer;

/** Comparing bytes of a record in place, without copying them out. */
final class BytesAt {
    private BytesAt() {
    }

    /** Whether the {@code length} bytes of {@code b} at {@code pos} are exactly {@code expected}. */
    static boolean equal(byte[] expected, ByteBuffer b, int pos, int length) {
        if (expected.length != length) {
            return false;
        }
        for (int k = 0; k < length; k++) {
            if (expected[k] != b.get(pos + k)) {
                return false;
            }
        }
        return true;
    }
}
