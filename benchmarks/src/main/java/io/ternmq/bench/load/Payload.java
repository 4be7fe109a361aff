package io.ternmq.bench.load;

import java.nio.ByteBuffer;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Message bodies that carry their send time, so the consumer side of the same process can measure
 * produce-to-consume latency with {@link System#nanoTime()} precision (no clock skew: one JVM).
 *
 * <p>Layout: bytes 0..7 magic, 8..15 send {@code nanoTime}, the rest random (incompressible) filler.
 */
final class Payload {
    static final int HEADER_BYTES = 16;
    private static final long MAGIC = 0x5465726e4d514231L; // "TernMQB1"

    private final byte[] template;

    Payload(int size) {
        template = new byte[size];
        ThreadLocalRandom.current().nextBytes(template);
    }

    /** A fresh body stamped with {@code sendNanos}. */
    byte[] stamped(long sendNanos) {
        byte[] body = template.clone();
        ByteBuffer.wrap(body).putLong(0, MAGIC).putLong(8, sendNanos);
        return body;
    }

    /** The send time in a body made by {@link #stamped}, or -1 when the body is not ours. */
    static long sendNanosOf(byte[] body) {
        if (body.length < HEADER_BYTES) {
            return -1;
        }
        ByteBuffer b = ByteBuffer.wrap(body);
        return b.getLong(0) == MAGIC ? b.getLong(8) : -1;
    }
}
