package io.ternmq.protocol.message;

import io.ternmq.protocol.codec.WireReader;
import io.ternmq.protocol.codec.WireWriter;

import java.util.Map;
import java.util.Objects;

/**
 * A message as a producer sends it. Wire layout: {@code map properties, bytes body, int64 bornTimestamp,
 * int32 flag, int32 sysFlag}.
 */
public record OutgoingMessage(Map<String, String> properties, byte[] body, long bornTimestamp, int flag, int sysFlag) {
    public OutgoingMessage {
        properties = properties == null ? Map.of() : properties;
        Objects.requireNonNull(body, "body");
    }

    public void encode(WireWriter out) {
        out.map(properties).bytes(body).int64(bornTimestamp).int32(flag).int32(sysFlag);
    }

    public static OutgoingMessage decode(WireReader in) {
        return new OutgoingMessage(in.map(), in.bytes(), in.int64(), in.int32(), in.int32());
    }

    /** Fewest bytes one encoded message takes (empty map and body). */
    public static final int MIN_SIZE = 4 + 4 + 8 + 4 + 4;
}
