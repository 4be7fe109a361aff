package io.ternmq.protocol.command;

import io.ternmq.protocol.codec.WireReader;
import io.ternmq.protocol.codec.WireWriter;

/** HELLO: version negotiation, always sent as version 1 so any broker can read it. */
public final class Hello {
    private Hello() {
    }

    /** Wire: {@code int16 minVersion, int16 maxVersion, string clientId, string clientVersion}. */
    public record Request(int minVersion, int maxVersion, String clientId, String clientVersion) implements Body {
        @Override
        public void encode(WireWriter out, int version) {
            out.int16(minVersion).int16(maxVersion).string(clientId).string(clientVersion);
        }

        public static Request decode(WireReader in, int version) {
            return new Request(in.int16(), in.int16(), in.string(), in.string());
        }
    }

    /** Wire: {@code int16 version, string brokerName, string brokerVersion, int32 maxFrameSize, int32 maxMessageSize}. */
    public record Response(int version, String brokerName, String brokerVersion, int maxFrameSize, int maxMessageSize)
            implements Body {
        @Override
        public void encode(WireWriter out, int version) {
            out.int16(this.version).string(brokerName).string(brokerVersion).int32(maxFrameSize).int32(maxMessageSize);
        }

        public static Response decode(WireReader in, int version) {
            return new Response(in.int16(), in.string(), in.string(), in.int32(), in.int32());
        }
    }
}
