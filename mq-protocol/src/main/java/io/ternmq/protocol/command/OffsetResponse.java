package io.ternmq.protocol.command;

import io.ternmq.protocol.codec.WireReader;
import io.ternmq.protocol.codec.WireWriter;

/** A single offset. Wire: {@code int64 offset}. */
public record OffsetResponse(long offset) implements Body {
    @Override
    public void encode(WireWriter out, int version) {
        out.int64(offset);
    }

    public static OffsetResponse decode(WireReader in, int version) {
        return new OffsetResponse(in.int64());
    }
}
