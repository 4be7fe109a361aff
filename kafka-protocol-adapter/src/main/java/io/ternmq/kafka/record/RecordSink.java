package io.ternmq.kafka.record;

import java.nio.ByteBuffer;

/**
 * Where {@link RecordEncoding} puts a record's bytes: a batch being built, or only a running checksum of it.
 * Not thread-safe.
 */
interface RecordSink {
    /** Says that {@code bytes} more bytes are coming, so a buffer can grow once. */
    void reserve(int bytes);

    void put(byte[] array, int offset, int length);

    /** Takes {@code buffer}'s remaining bytes, consuming them. */
    void put(ByteBuffer buffer);
}
