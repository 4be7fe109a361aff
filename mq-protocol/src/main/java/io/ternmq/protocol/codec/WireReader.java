package io.ternmq.protocol.codec;

import io.netty.buffer.ByteBuf;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Reads body fields written by {@link WireWriter}. Every length and count is checked against the bytes left
 * before anything is allocated, so a hostile frame cannot make the reader allocate more than the frame's size.
 * Violations raise {@link MalformedFrameException}.
 */
public final class WireReader {
    private final ByteBuf in;

    public WireReader(ByteBuf in) {
        this.in = in;
    }

    private void need(long bytes, String what) {
        if (bytes < 0 || bytes > in.readableBytes()) {
            throw new MalformedFrameException("truncated body: " + what + " needs " + bytes + " bytes, "
                    + in.readableBytes() + " left");
        }
    }

    public int int8() {
        need(1, "int8");
        return in.readByte();
    }

    public boolean bool() {
        need(1, "bool");
        return in.readBoolean();
    }

    public int int16() {
        need(2, "int16");
        return in.readShort();
    }

    public int int32() {
        need(4, "int32");
        return in.readInt();
    }

    public long int64() {
        need(8, "int64");
        return in.readLong();
    }

    public String string() {
        int length = int16();
        if (length == -1) {
            return null;
        }
        need(length, "string");
        return in.readCharSequence(length, StandardCharsets.UTF_8).toString();
    }

    /** A string that must be present. */
    public String requiredString(String field) {
        String s = string();
        if (s == null) {
            throw new MalformedFrameException(field + " must not be null");
        }
        return s;
    }

    public String longString() {
        int length = int32();
        if (length == -1) {
            return null;
        }
        need(length, "long string");
        return in.readCharSequence(length, StandardCharsets.UTF_8).toString();
    }

    public byte[] bytes() {
        int length = int32();
        need(length, "bytes");
        byte[] b = new byte[length];
        in.readBytes(b);
        return b;
    }

    /** Copies every byte left, for a decoder that walks a large body itself (the client's pull response view). */
    public byte[] rest() {
        byte[] b = new byte[in.readableBytes()];
        in.readBytes(b);
        return b;
    }

    /**
     * The bytes left, as a window on an array, without copying when the frame's body was gathered into an array of
     * its own ({@link FrameDecoder}'s {@code gatherBodiesFrom}); else as a copy, like {@link #rest()}. The window
     * is the buffer's {@code position()} to {@code limit()} of its {@code array()}, which may hold the frame's
     * other fields too and must not be written. Reading it stays valid after the frame is released.
     */
    public ByteBuffer restShared() {
        int n = in.readableBytes();
        if (in.hasArray() && (in instanceof GatheredBody || in.unwrap() instanceof GatheredBody)) {
            ByteBuffer window = ByteBuffer.wrap(in.array(), in.arrayOffset() + in.readerIndex(), n);
            in.skipBytes(n);
            return window;
        }
        return ByteBuffer.wrap(rest());
    }

    /**
     * @param minElementSize the fewest bytes one element can take, so an absurd count fails before any allocation
     */
    public <T> List<T> list(int minElementSize, Function<WireReader, T> element) {
        int count = int32();
        need((long) count * Math.max(1, minElementSize), "list of " + count);
        if (count == 0) {
            return Collections.emptyList();
        }
        // count is only proven to fit at minElementSize; pre-sizing to it would cost 4-8 bytes per body byte
        List<T> items = new ArrayList<>(Math.min(count, 1024));
        for (int i = 0; i < count; i++) {
            items.add(element.apply(this));
        }
        return items;
    }

    public List<String> stringList() {
        return list(2, WireReader::string);
    }

    public Map<String, String> map() {
        int count = int32();
        need((long) count * 4, "map of " + count);
        if (count == 0) {
            return Collections.emptyMap();
        }
        Map<String, String> map = new LinkedHashMap<>(Math.min(count * 2, 1024));
        for (int i = 0; i < count; i++) {
            String key = requiredString("map key");
            map.put(key, string());
        }
        return map;
    }

    /** Fails when bytes are left over: a body longer than its fields is as malformed as a short one. */
    public void end() {
        if (in.isReadable()) {
            throw new MalformedFrameException(in.readableBytes() + " unexpected trailing bytes");
        }
    }

    public int remaining() {
        return in.readableBytes();
    }

    /** Reads an enum by its ordinal, rejecting values out of range. */
    public <E extends Enum<E>> E enumValue(E[] values, String field) {
        int ordinal = int8();
        if (ordinal < 0 || ordinal >= values.length) {
            throw new MalformedFrameException(field + " has unknown value " + ordinal);
        }
        return values[ordinal];
    }
}
