package io.ternmq.protocol.command;

/**
 * A command of the native protocol: its code, its request and response bodies, and who starts it.
 *
 * @param code            the wire code
 * @param name            the name used in docs and logs
 * @param serverInitiated true when the broker sends the request to the client
 * @param purpose         one line for the docs
 */
public record Command<Q extends Body, R extends Body>(int code, String name, boolean serverInitiated, String purpose,
                                                      BodyDecoder<Q> requestDecoder, BodyDecoder<R> responseDecoder) {
    @Override
    public String toString() {
        return name + "(" + code + ")";
    }
}
