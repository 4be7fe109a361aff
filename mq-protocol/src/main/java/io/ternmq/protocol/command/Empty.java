package io.ternmq.protocol.command;

import io.ternmq.protocol.codec.WireReader;
import io.ternmq.protocol.codec.WireWriter;

/** A body with no fields. */
public enum Empty implements Body {
    INSTANCE;

    @Override
    public void encode(WireWriter out, int version) {
    }

    public static Empty decode(WireReader in, int version) {
        return INSTANCE;
    }
}
