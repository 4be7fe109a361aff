package io.ternmq.kafka.server.handler;

import io.ternmq.kafka.codec.KafkaError;
import io.ternmq.kafka.codec.Struct;
import io.ternmq.kafka.codec.api.SaslHandshakeApi.Request;
import io.ternmq.kafka.codec.api.SaslHandshakeApi.Response;
import io.ternmq.kafka.sasl.SaslExchange;
import io.ternmq.kafka.sasl.SaslExchanges;
import io.ternmq.kafka.server.ApiHandler;
import io.ternmq.kafka.server.AuthState;
import io.ternmq.kafka.server.KafkaConnection;
import io.ternmq.kafka.server.RequestContext;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * SaslHandshake (17): picks the mechanism of the connection's SASL exchange and lists the enabled ones. v1: the
 * tokens then come in SaslAuthenticate requests; v0: the next frames are raw tokens. An unknown or disabled mechanism
 * gets UNSUPPORTED_SASL_MECHANISM and the connection closes; a handshake on a connection that is not waiting for one
 * (no SASL on this listener, or already authenticating) gets ILLEGAL_SASL_STATE and closes, as Kafka does.
 */
public final class SaslHandshakeHandler implements ApiHandler {
    private final SaslExchanges exchanges;

    /** @param exchanges the enabled mechanisms; null when the listener has no SASL */
    public SaslHandshakeHandler(SaslExchanges exchanges) {
        this.exchanges = exchanges;
    }

    @Override
    public CompletableFuture<Struct> handle(RequestContext context, Struct request) {
        KafkaConnection connection = context.connection();
        List<String> enabled = exchanges == null ? List.of() : exchanges.enabledNames();
        Struct response = new Struct(Response.SCHEMA).set(Response.MECHANISMS, enabled);
        if (exchanges == null || connection.authState() != AuthState.AWAITING_HANDSHAKE) {
            context.closeAfterResponse("unexpected SaslHandshake in state " + connection.authState());
            return done(response.set(Response.ERROR_CODE, KafkaError.ILLEGAL_SASL_STATE.code()));
        }
        String mechanism = request.get(Request.MECHANISM);
        SaslExchange exchange = exchanges.start(mechanism);
        if (exchange == null) {
            connection.authenticationFailed();
            context.closeAfterResponse("unsupported SASL mechanism " + mechanism);
            return done(response.set(Response.ERROR_CODE, KafkaError.UNSUPPORTED_SASL_MECHANISM.code()));
        }
        connection.saslStarted(context.version() == 0 ? AuthState.AWAITING_RAW_TOKEN : AuthState.AWAITING_AUTHENTICATE,
                exchange);
        return done(response.set(Response.ERROR_CODE, KafkaError.NONE.code()));
    }

    private static CompletableFuture<Struct> done(Struct response) {
        return CompletableFuture.completedFuture(response);
    }
}
