package io.ternmq.kafka.codec.api;

import io.ternmq.kafka.codec.ApiSpec;
import io.ternmq.kafka.codec.Field;
import io.ternmq.kafka.codec.Schema;
import io.ternmq.kafka.codec.VersionRange;

/**
 * FindCoordinator (key 10), versions 0-2: request and response schemas with a typed {@link Field} handle per field.
 * Field order, types, versions, nullable versions, defaults and tags follow Kafka's
 * {@code FindCoordinatorRequest.json} and
 * {@code FindCoordinatorResponse.json}; fields that exist only outside versions 0-2 are left out.
 */
public final class FindCoordinatorApi {
    private FindCoordinatorApi() {
    }

    public static final class Request {
        private Request() {
        }

        public static final Field<String> KEY = Field.string("Key").versions(0, 3);
        public static final Field<Byte> KEY_TYPE = Field.int8("KeyType").versions(1);
        public static final Schema SCHEMA = new Schema("FindCoordinatorRequest", KEY, KEY_TYPE);
    }

    public static final class Response {
        private Response() {
        }

        public static final Field<Integer> THROTTLE_TIME_MS = Field.int32("ThrottleTimeMs").versions(1);
        public static final Field<Short> ERROR_CODE = Field.int16("ErrorCode").versions(0, 3);
        public static final Field<String> ERROR_MESSAGE =
                Field.string("ErrorMessage").versions(1, 3).nullable(VersionRange.between(1, 3));
        public static final Field<Integer> NODE_ID = Field.int32("NodeId").versions(0, 3);
        public static final Field<String> HOST = Field.string("Host").versions(0, 3);
        public static final Field<Integer> PORT = Field.int32("Port").versions(0, 3);
        public static final Schema SCHEMA = new Schema("FindCoordinatorResponse",
                THROTTLE_TIME_MS, ERROR_CODE, ERROR_MESSAGE, NODE_ID, HOST, PORT);
    }

    public static final ApiSpec SPEC =
            ApiSpec.of(10, "FindCoordinator", VersionRange.between(0, 2), VersionRange.from(3),
            Request.SCHEMA, Response.SCHEMA);
}
