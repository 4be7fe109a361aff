package io.ternmq.protocol.command;

import io.ternmq.protocol.codec.WireReader;

/** Reads a body of one type for a given protocol version; throws MalformedFrameException on bad input. */
@FunctionalInterface
public interface BodyDecoder<T extends Body> {
    T decode(WireReader in, int version);
}
