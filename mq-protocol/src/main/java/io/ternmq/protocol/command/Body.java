package io.ternmq.protocol.command;

import io.ternmq.protocol.codec.WireWriter;

/** A request or response body. Encoders write fields in order; fields added later are guarded by the version. */
public interface Body {
    void encode(WireWriter out, int version);
}
