package io.ternmq.protocol.codec;

import io.netty.buffer.ByteBuf;

import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * Writes body fields. Encodings: integers big-endian; {@code string} = int16 byte length + UTF-8 (-1 = null);
 * {@code bytes} = int32 length + bytes; {@code list} = int32 count + elements; {@code map} = int32 count +
 * (string key, string value) pairs. {@code longString} = int32 length + UTF-8, for texts past 32 KiB.
 */
public final class WireWriter {
    private final ByteBuf out;

    public WireWriter(ByteBuf out) {
        this.out = out;
    }

    public ByteBuf buffer() {
        return out;
    }

    public WireWriter int8(int v) {
        out.writeByte(v);
        return this;
    }

    public WireWriter bool(boolean v) {
        out.writeBoolean(v);
        return this;
    }

    public WireWriter int16(int v) {
        out.writeShort(v);
        return this;
    }

    public WireWriter int32(int v) {
        out.writeInt(v);
        return this;
    }

    public WireWriter int64(long v) {
        out.writeLong(v);
        return this;
    }

    public WireWriter string(String s) {
        if (s == null) {
            out.writeShort(-1);
            return this;
        }
        int lengthIndex = out.writerIndex();
        out.writeShort(0);
        int written = out.writeCharSequence(s, StandardCharsets.UTF_8);
        if (written > Short.MAX_VALUE) {
            throw new IllegalArgumentException("string longer than 32767 UTF-8 bytes: " + s.substring(0, 40) + "...");
        }
        out.setShort(lengthIndex, written);
        return this;
    }

    public WireWriter longString(String s) {
        if (s == null) {
            out.writeInt(-1);
            return this;
        }
        int lengthIndex = out.writerIndex();
        out.writeInt(0);
        out.setInt(lengthIndex, out.writeCharSequence(s, StandardCharsets.UTF_8));
        return this;
    }

    public WireWriter bytes(byte[] b) {
        out.writeInt(b.length);
        out.writeBytes(b);
        return this;
    }

    /** Bytes already in wire form, without a length prefix (re-encoding a body kept as bytes). */
    public WireWriter raw(byte[] b) {
        out.writeBytes(b);
        return this;
    }

    public <T> WireWriter list(Collection<T> items, BiConsumer<WireWriter, T> element) {
        out.writeInt(items.size());
        for (T item : items) {
            element.accept(this, item);
        }
        return this;
    }

    public WireWriter stringList(Collection<String> items) {
        return list(items, WireWriter::string);
    }

    public WireWriter map(Map<String, String> map) {
        out.writeInt(map.size());
        for (Map.Entry<String, String> e : map.entrySet()) {
            string(e.getKey());
            string(e.getValue());
        }
        return this;
    }
}
