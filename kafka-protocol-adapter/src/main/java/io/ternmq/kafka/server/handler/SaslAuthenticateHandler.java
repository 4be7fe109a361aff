package io.ternmq.kafka.server.handler;

import io.ternmq.kafka.codec.KafkaError;
import io.ternmq.kafka.codec.Struct;
import io.ternmq.kafka.codec.api.SaslAuthenticateApi.Request;
import io.ternmq.kafka.codec.api.SaslAuthenticateApi.Response;
import io.ternmq.kafka.sasl.SaslExchange;
import io.ternmq.kafka.sasl.SaslStep;
import io.ternmq.kafka.server.ApiHandler;
import io.ternmq.kafka.server.AuthState;
import io.ternmq.kafka.server.KafkaConnection;
import io.ternmq.kafka.server.RequestContext;

import java.util.concurrent.CompletableFuture;

/**
 * SaslAuthenticate (36): feeds one client token to the exchange chosen by SaslHandshake v1 and returns the server's
 * token. Success marks the connection authenticated (session lifetime 0: no re-authentication); failure answers
 * SASL_AUTHENTICATION_FAILED with the reason and closes the connection. Out of sequence → ILLEGAL_SASL_STATE, close.
 */
public final class SaslAuthenticateHandler implements ApiHandler {

    @Override
    public CompletableFuture<Struct> handle(RequestContext context, Struct request) {
        KafkaConnection connection = context.connection();
        Struct response = new Struct(Response.SCHEMA).set(Response.SESSION_LIFETIME_MS, 0L);
        if (connection.authState() != AuthState.AWAITING_AUTHENTICATE
                || !(connection.saslExchange() instanceof SaslExchange exchange)) {
            context.closeAfterResponse("unexpected SaslAuthenticate in state " + connection.authState());
            return done(response.set(Response.ERROR_CODE, KafkaError.ILLEGAL_SASL_STATE.code())
                    .set(Response.ERROR_MESSAGE, "Unexpected SaslAuthenticate: no SaslHandshake v1 before it"));
        }
        SaslStep step = exchange.evaluate(request.get(Request.AUTH_BYTES));
        switch (step.outcome()) {
            case FAILED -> {
                connection.authenticationFailed();
                context.closeAfterResponse("SASL " + exchange.mechanism().wireName() + " authentication failed: "
                        + step.error());
                return done(response.set(Response.ERROR_CODE, KafkaError.SASL_AUTHENTICATION_FAILED.code())
                        .set(Response.ERROR_MESSAGE, step.error()));
            }
            case AUTHENTICATED -> connection.authenticated(step.user());
            case CHALLENGE -> { }
        }
        return done(response.set(Response.ERROR_CODE, KafkaError.NONE.code())
                .set(Response.AUTH_BYTES, step.challenge()));
    }

    private static CompletableFuture<Struct> done(Struct response) {
        return CompletableFuture.completedFuture(response);
    }
}
