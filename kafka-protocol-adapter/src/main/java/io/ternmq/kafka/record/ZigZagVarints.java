package io.ternmq.kafka.record;

import io.netty.buffer.ByteBuf;

/**
 * The signed varints of the record format: ZigZag ({@code (n << 1) ^ (n >> 31)}) then 7-bit groups, least
 * significant first, high bit = more follows (as protobuf). At most 5 bytes for an int, 10 for a long. Not the
 * protocol's unsigned varint, which has no ZigZag step.
 */
final class ZigZagVarints {
    private ZigZagVarints() {
    }

    static int sizeOfVarint(int value) {
        return sizeOfUnsigned((value << 1) ^ (value >> 31));
    }

    static int sizeOfVarlong(long value) {
        long v = (value << 1) ^ (value >> 63);
        int bytes = 1;
        while ((v & 0xFFFFFFFFFFFFFF80L) != 0L) {
            bytes++;
            v >>>= 7;
        }
        return bytes;
    }

    private static int sizeOfUnsigned(int v) {
        // bits needed / 7, rounded up; 0 still takes one byte
        int bits = 32 - Integer.numberOfLeadingZeros(v | 1);
        return (bits + 6) / 7;
    }

    static void writeVarint(ByteBuf out, int value) {
        int v = (value << 1) ^ (value >> 31);
        while ((v & 0xFFFFFF80) != 0) {
            out.writeByte((v & 0x7F) | 0x80);
            v >>>= 7;
        }
        out.writeByte(v);
    }

    static void writeVarlong(ByteBuf out, long value) {
        long v = (value << 1) ^ (value >> 63);
        while ((v & 0xFFFFFFFFFFFFFF80L) != 0L) {
            out.writeByte(((int) v & 0x7F) | 0x80);
            v >>>= 7;
        }
        out.writeByte((int) v);
    }

    /** Puts the zigzag varint at {@code pos} of {@code out} (room for 5 bytes needed); returns the position after. */
    static int putVarint(byte[] out, int pos, int value) {
        int v = (value << 1) ^ (value >> 31);
        while ((v & 0xFFFFFF80) != 0) {
            out[pos++] = (byte) ((v & 0x7F) | 0x80);
            v >>>= 7;
        }
        out[pos++] = (byte) v;
        return pos;
    }

    /** As {@link #putVarint}, for a varlong (room for 10 bytes needed). */
    static int putVarlong(byte[] out, int pos, long value) {
        long v = (value << 1) ^ (value >> 63);
        while ((v & 0xFFFFFFFFFFFFFF80L) != 0L) {
            out[pos++] = (byte) (((int) v & 0x7F) | 0x80);
            v >>>= 7;
        }
        out[pos++] = (byte) v;
        return pos;
    }

    /** Reads a varint that must end before {@code end}. */
    static int readVarint(ByteBuf in, int end) throws InvalidBatchException {
        int raw = 0;
        for (int shift = 0; shift < 35; shift += 7) {
            if (in.readerIndex() >= end) {
                throw new InvalidBatchException(BatchStatus.CORRUPT, "varint runs past the end of the record");
            }
            byte b = in.readByte();
            raw |= (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return (raw >>> 1) ^ -(raw & 1);
            }
        }
        throw new InvalidBatchException(BatchStatus.CORRUPT, "varint longer than 5 bytes");
    }

    /** Reads a varlong that must end before {@code end}. */
    static long readVarlong(ByteBuf in, int end) throws InvalidBatchException {
        long raw = 0;
        for (int shift = 0; shift < 70; shift += 7) {
            if (in.readerIndex() >= end) {
                throw new InvalidBatchException(BatchStatus.CORRUPT, "varlong runs past the end of the record");
            }
            byte b = in.readByte();
            raw |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return (raw >>> 1) ^ -(raw & 1);
            }
        }
        throw new InvalidBatchException(BatchStatus.CORRUPT, "varlong longer than 10 bytes");
    }
}
