package io.ternmq.kafka.record;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The bytes of one v2 record (length, attributes, timestamp delta, offset delta, key, value, headers), written to a
 * {@link RecordSink}. The one place a record's layout is written, so a batch and a checksum computed without
 * building it ({@link BatchCrcBuilder}) always agree. Not thread-safe: the scratch array is the caller's.
 */
final class RecordEncoding {
    /** Size of the scratch array {@link #write} needs: a record's leading varints, at most 5 + 1 + 10 + 5 + 5. */
    static final int SCRATCH_BYTES = 32;

    private RecordEncoding() {
    }

    /**
     * @param keyLength   -1 for a null key
     * @param valueArray  the value as an array region, or null to take {@code valueBuffer}'s remaining bytes
     * @param valueLength -1 for a null value
     */
    static void write(RecordSink sink, byte[] scratch, long timestampDelta, int offsetDelta, byte[] keyArray,
                      int keyOffset, int keyLength, byte[] valueArray, int valueOffset, ByteBuffer valueBuffer,
                      int valueLength, List<RecordHeader> headers) {
        int headerCount = headers.size();
        byte[][] headerKeys = headerCount == 0 ? null : new byte[headerCount][];
        int bodySize = 1 + ZigZagVarints.sizeOfVarlong(timestampDelta) + ZigZagVarints.sizeOfVarint(offsetDelta)
                + sizeOfBytes(keyLength) + sizeOfBytes(valueLength) + ZigZagVarints.sizeOfVarint(headerCount);
        for (int i = 0; i < headerCount; i++) { // indexed: no iterator per record on the fetch path
            RecordHeader header = headers.get(i);
            headerKeys[i] = header.key().getBytes(StandardCharsets.UTF_8);
            bodySize += sizeOfBytes(headerKeys[i].length) + sizeOfBytes(header.value() == null ? -1
                    : header.value().length);
        }
        sink.reserve(ZigZagVarints.sizeOfVarint(bodySize) + bodySize);
        // the leading varints go through the scratch array and to the sink in one call: byte-at-a-time writes, each
        // with its own bounds and capacity checks, were a visible share of the fetch path
        int n = ZigZagVarints.putVarint(scratch, 0, bodySize);
        scratch[n++] = 0; // attributes
        n = ZigZagVarints.putVarlong(scratch, n, timestampDelta);
        n = ZigZagVarints.putVarint(scratch, n, offsetDelta);
        n = ZigZagVarints.putVarint(scratch, n, keyLength);
        sink.put(scratch, 0, n);
        if (keyLength > 0) {
            sink.put(keyArray, keyOffset, keyLength);
        }
        n = ZigZagVarints.putVarint(scratch, 0, valueLength);
        if (valueLength > 0) {
            sink.put(scratch, 0, n);
            if (valueBuffer != null) {
                sink.put(valueBuffer);
            } else {
                sink.put(valueArray, valueOffset, valueLength);
            }
            n = 0;
        }
        n = ZigZagVarints.putVarint(scratch, n, headerCount);
        sink.put(scratch, 0, n);
        for (int i = 0; i < headerCount; i++) {
            byte[] value = headers.get(i).value();
            putBytes(sink, scratch, headerKeys[i], headerKeys[i].length);
            putBytes(sink, scratch, value, value == null ? -1 : value.length);
        }
    }

    private static int sizeOfBytes(int length) {
        return length < 0 ? 1 : ZigZagVarints.sizeOfVarint(length) + length;
    }

    private static void putBytes(RecordSink sink, byte[] scratch, byte[] array, int length) {
        sink.put(scratch, 0, ZigZagVarints.putVarint(scratch, 0, length));
        if (length > 0) {
            sink.put(array, 0, length);
        }
    }
}
