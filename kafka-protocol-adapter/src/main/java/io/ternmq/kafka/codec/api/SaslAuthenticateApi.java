package io.ternmq.kafka.codec.api;

import io.ternmq.kafka.codec.ApiSpec;
import io.ternmq.kafka.codec.Field;
import io.ternmq.kafka.codec.Schema;
import io.ternmq.kafka.codec.VersionRange;

/**
 * SaslAuthenticate (key 36), versions 0-1: request and response schemas with a typed {@link Field} handle per field.
 * Field order, types, versions, nullable versions, defaults and tags follow Kafka's
 * {@code SaslAuthenticateRequest.json} and
 * {@code SaslAuthenticateResponse.json}; fields that exist only outside versions 0-1 are left out.
 */
public final class SaslAuthenticateApi {
    private SaslAuthenticateApi() {
    }

    public static final class Request {
        private Request() {
        }

        public static final Field<byte[]> AUTH_BYTES = Field.bytes("AuthBytes");
        public static final Schema SCHEMA = new Schema("SaslAuthenticateRequest", AUTH_BYTES);
    }

    public static final class Response {
        private Response() {
        }

        public static final Field<Short> ERROR_CODE = Field.int16("ErrorCode");
        public static final Field<String> ERROR_MESSAGE = Field.string("ErrorMessage").nullable(0);
        public static final Field<byte[]> AUTH_BYTES = Field.bytes("AuthBytes");
        public static final Field<Long> SESSION_LIFETIME_MS = Field.int64("SessionLifetimeMs").versions(1);
        public static final Schema SCHEMA = new Schema("SaslAuthenticateResponse",
                ERROR_CODE, ERROR_MESSAGE, AUTH_BYTES, SESSION_LIFETIME_MS);
    }

    public static final ApiSpec SPEC =
            ApiSpec.of(36, "SaslAuthenticate", VersionRange.between(0, 1), VersionRange.from(2),
            Request.SCHEMA, Response.SCHEMA);
}
