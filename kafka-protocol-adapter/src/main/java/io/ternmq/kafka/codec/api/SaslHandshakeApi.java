package io.ternmq.kafka.codec.api;

import io.ternmq.kafka.codec.ApiSpec;
import io.ternmq.kafka.codec.Field;
import io.ternmq.kafka.codec.FieldType;
import io.ternmq.kafka.codec.Schema;
import io.ternmq.kafka.codec.VersionRange;

import java.util.List;

/**
 * SaslHandshake (key 17), versions 0-1: request and response schemas with a typed {@link Field} handle per field.
 * Field order, types, versions, nullable versions, defaults and tags follow Kafka's
 * {@code SaslHandshakeRequest.json} and
 * {@code SaslHandshakeResponse.json}; fields that exist only outside versions 0-1 are left out.
 */
public final class SaslHandshakeApi {
    private SaslHandshakeApi() {
    }

    public static final class Request {
        private Request() {
        }

        public static final Field<String> MECHANISM = Field.string("Mechanism");
        public static final Schema SCHEMA = new Schema("SaslHandshakeRequest", MECHANISM);
    }

    public static final class Response {
        private Response() {
        }

        public static final Field<Short> ERROR_CODE = Field.int16("ErrorCode");
        public static final Field<List<String>> MECHANISMS = Field.arrayOf("Mechanisms", FieldType.STRING);
        public static final Schema SCHEMA = new Schema("SaslHandshakeResponse", ERROR_CODE, MECHANISMS);
    }

    public static final ApiSpec SPEC = ApiSpec.of(17, "SaslHandshake", VersionRange.between(0, 1), VersionRange.NONE,
            Request.SCHEMA, Response.SCHEMA);
}
