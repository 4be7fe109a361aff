package io.ternmq.protocol.command;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.ternmq.protocol.codec.WireWriter;

/** A request or response body. Encoders write fields in order; fields added later are guarded by the version. */
public interface Body {
    void encode(WireWriter out, int version);

    /**
     * Encodes into a buffer of the body's choosing; the default grows one buffer. A body that knows its size can do
     * better for large encodings: one allocation of the whole size goes past the allocator's pooled sizes (1 MiB),
     * and an unpooled direct buffer is zeroed, page-faulted in and freed again for every response.
     */
    default ByteBuf encodeToBuffer(ByteBufAllocator alloc, int version) {
        ByteBuf buf = alloc.buffer();
        try {
            encode(new WireWriter(buf), version);
            return buf;
        } catch (RuntimeException e) {
            buf.release();
            throw e;
        }
    }
}
