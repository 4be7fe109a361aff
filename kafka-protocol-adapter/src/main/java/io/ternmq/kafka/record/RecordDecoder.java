package io.ternmq.kafka.record;

import io.netty.buffer.ByteBuf;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Decodes the (uncompressed) records section of a batch, layout in {@link RecordBatch}. Every length is checked
 * against the bytes its record actually has before anything is allocated, so a hostile count or length costs no
 * more memory than the section itself.
 */
final class RecordDecoder {
    /** Smallest possible record: length, attributes, timestampDelta, offsetDelta, key, value, header count. */
    private static final int MIN_RECORD_SIZE = 7;
    private static final byte[] EMPTY = new byte[0];

    private RecordDecoder() {
    }

    /**
     * @param timestampOverride the timestamp every record gets (LogAppendTime), or -1 to use the record's own
     */
    static List<KafkaRecord> decode(ByteBuf section, int count, long baseTimestamp, long timestampOverride)
            throws InvalidBatchException {
        List<LocatedRecord> located = locate(section, count, baseTimestamp, timestampOverride);
        List<KafkaRecord> records = new ArrayList<>(count);
        for (LocatedRecord r : located) {
            byte[] value = null;
            if (r.valueLength() >= 0) {
                value = new byte[r.valueLength()];
                section.getBytes(r.valueIndex(), value);
            }
            records.add(new KafkaRecord(r.timestamp(), r.key(), value, r.headers()));
        }
        return records;
    }

    /**
     * As {@link #decode}, leaving each value where it is: a record says where in {@code section} (an index of it)
     * its value lies. Keys and headers, small as a rule, are copied.
     */
    static List<LocatedRecord> locate(ByteBuf section, int count, long baseTimestamp, long timestampOverride)
            throws InvalidBatchException {
        if (count < 0 || (long) count * MIN_RECORD_SIZE > section.readableBytes()) {
            throw corrupt("record count " + count + " does not fit in " + section.readableBytes() + " bytes");
        }
        List<LocatedRecord> records = new ArrayList<>(count);
        int sectionEnd = section.writerIndex();
        for (int i = 0; i < count; i++) {
            int length = ZigZagVarints.readVarint(section, sectionEnd);
            int start = section.readerIndex();
            if (length < MIN_RECORD_SIZE - 1 || length > sectionEnd - start) {
                throw corrupt("record " + i + " length " + length + " with " + (sectionEnd - start) + " bytes left");
            }
            int end = start + length;
            section.skipBytes(1); // attributes: unused
            long timestampDelta = ZigZagVarints.readVarlong(section, end);
            int offsetDelta = ZigZagVarints.readVarint(section, end);
            if (offsetDelta != i) {
                throw new InvalidBatchException(BatchStatus.INVALID_RECORD,
                        "record " + i + " has offset delta " + offsetDelta);
            }
            byte[] key = readNullableBytes(section, end, "key");
            int valueLength = ZigZagVarints.readVarint(section, end);
            int valueIndex = section.readerIndex();
            if (valueLength != -1) {
                checkLength(valueLength, section, end, "value");
                section.skipBytes(valueLength);
            }
            int headerCount = ZigZagVarints.readVarint(section, end);
            if (headerCount < 0 || headerCount > (end - section.readerIndex()) / 2) {
                throw corrupt("record " + i + " header count " + headerCount);
            }
            List<RecordHeader> headers = headerCount == 0 ? List.of() : new ArrayList<>(headerCount);
            for (int h = 0; h < headerCount; h++) {
                int keyLength = ZigZagVarints.readVarint(section, end);
                checkLength(keyLength, section, end, "header key");
                String headerKey = section.readCharSequence(keyLength, StandardCharsets.UTF_8).toString();
                headers.add(new RecordHeader(headerKey, readNullableBytes(section, end, "header value")));
            }
            if (section.readerIndex() != end) {
                throw corrupt("record " + i + " fields end at " + (section.readerIndex() - start)
                        + ", its length says " + length);
            }
            long timestamp = timestampOverride >= 0 ? timestampOverride : baseTimestamp + timestampDelta;
            records.add(new LocatedRecord(timestamp, key, valueIndex, valueLength, headers));
        }
        if (section.isReadable()) {
            throw corrupt(section.readableBytes() + " bytes after the last of " + count + " records");
        }
        return records;
    }

    private static byte[] readNullableBytes(ByteBuf in, int end, String what) throws InvalidBatchException {
        int length = ZigZagVarints.readVarint(in, end);
        if (length == -1) {
            return null;
        }
        checkLength(length, in, end, what);
        if (length == 0) {
            return EMPTY.clone();
        }
        byte[] bytes = new byte[length];
        in.readBytes(bytes);
        return bytes;
    }

    private static void checkLength(int length, ByteBuf in, int end, String what) throws InvalidBatchException {
        if (length < 0 || length > end - in.readerIndex()) {
            throw corrupt(what + " length " + length + " with " + (end - in.readerIndex()) + " bytes left");
        }
    }

    private static InvalidBatchException corrupt(String message) {
        return new InvalidBatchException(BatchStatus.CORRUPT, message);
    }
}
