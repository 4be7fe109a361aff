package io.ternmq.kafka.server;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.ternmq.kafka.sasl.SaslExchange;
import io.ternmq.kafka.sasl.SaslStep;

/**
 * SASL after SaslHandshake v0: each frame is a bare client token (no Kafka header) and each answer a bare server
 * token, both framed only by the int32 size. Used by clients that do not send SaslAuthenticate (old librdkafka). A
 * failed step closes the connection without an answer, as there is no error field to carry.
 *
 * <p>Stateless; the exchange lives in the {@link KafkaConnection}.
 */
final class RawSaslTokens {
    private RawSaslTokens() {
    }

    /** Evaluates one raw token; does not release {@code frame}. */
    static Reply evaluate(KafkaConnection connection, ByteBuf frame, ByteBufAllocator alloc) {
        if (!(connection.saslExchange() instanceof SaslExchange exchange)) {
            return Reply.close("raw SASL token without a SASL exchange");
        }
        byte[] token = new byte[frame.readableBytes()];
        frame.readBytes(token);
        SaslStep step = exchange.evaluate(token);
        switch (step.outcome()) {
            case FAILED -> {
                connection.authenticationFailed();
                return Reply.close("SASL " + exchange.mechanism().wireName() + " authentication failed: "
                        + step.error());
            }
            case AUTHENTICATED -> connection.authenticated(step.user());
            case CHALLENGE -> { }
        }
        return Reply.respond(alloc.buffer(step.challenge().length).writeBytes(step.challenge()));
    }
}
