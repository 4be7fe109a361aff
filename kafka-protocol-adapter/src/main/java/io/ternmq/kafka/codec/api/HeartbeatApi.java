package io.ternmq.kafka.codec.api;

import io.ternmq.kafka.codec.ApiSpec;
import io.ternmq.kafka.codec.Field;
import io.ternmq.kafka.codec.Schema;
import io.ternmq.kafka.codec.VersionRange;

/**
 * Heartbeat (key 12), versions 0-3: request and response schemas with a typed {@link Field} handle per field.
 * Field order, types, versions, nullable versions, defaults and tags follow Kafka's
 * {@code HeartbeatRequest.json} and
 * {@code HeartbeatResponse.json}; fields that exist only outside versions 0-3 are left out.
 */
public final class HeartbeatApi {
    private HeartbeatApi() {
    }

    public static final class Request {
        private Request() {
        }

        public static final Field<String> GROUP_ID = Field.string("GroupId");
        public static final Field<Integer> GENERATION_ID = Field.int32("GenerationId");
        public static final Field<String> MEMBER_ID = Field.string("MemberId");
        public static final Field<String> GROUP_INSTANCE_ID =
                Field.string("GroupInstanceId").versions(3).nullable(3).defaultValue(null);
        public static final Schema SCHEMA = new Schema("HeartbeatRequest",
                GROUP_ID, GENERATION_ID, MEMBER_ID, GROUP_INSTANCE_ID);
    }

    public static final class Response {
        private Response() {
        }

        public static final Field<Integer> THROTTLE_TIME_MS = Field.int32("ThrottleTimeMs").versions(1);
        public static final Field<Short> ERROR_CODE = Field.int16("ErrorCode");
        public static final Schema SCHEMA = new Schema("HeartbeatResponse", THROTTLE_TIME_MS, ERROR_CODE);
    }

    public static final ApiSpec SPEC = ApiSpec.of(12, "Heartbeat", VersionRange.between(0, 3), VersionRange.from(4),
            Request.SCHEMA, Response.SCHEMA);
}
