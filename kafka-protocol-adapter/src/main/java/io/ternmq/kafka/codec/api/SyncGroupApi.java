package io.ternmq.kafka.codec.api;

import io.ternmq.kafka.codec.ApiSpec;
import io.ternmq.kafka.codec.Field;
import io.ternmq.kafka.codec.Schema;
import io.ternmq.kafka.codec.Struct;
import io.ternmq.kafka.codec.VersionRange;

import java.util.List;

/**
 * SyncGroup (key 14), versions 0-3: request and response schemas with a typed {@link Field} handle per field.
 * Field order, types, versions, nullable versions, defaults and tags follow Kafka's
 * {@code SyncGroupRequest.json} and
 * {@code SyncGroupResponse.json}; fields that exist only outside versions 0-3 are left out.
 */
public final class SyncGroupApi {
    private SyncGroupApi() {
    }

    public static final class Request {
        private Request() {
        }

        public static final class SyncGroupRequestAssignment {
            private SyncGroupRequestAssignment() {
            }

            public static final Field<String> MEMBER_ID = Field.string("MemberId");
            public static final Field<byte[]> ASSIGNMENT = Field.bytes("Assignment");
            public static final Schema SCHEMA = new Schema("SyncGroupRequestAssignment", MEMBER_ID, ASSIGNMENT);
        }

        public static final Field<String> GROUP_ID = Field.string("GroupId");
        public static final Field<Integer> GENERATION_ID = Field.int32("GenerationId");
        public static final Field<String> MEMBER_ID = Field.string("MemberId");
        public static final Field<String> GROUP_INSTANCE_ID =
                Field.string("GroupInstanceId").versions(3).nullable(3).defaultValue(null);
        public static final Field<List<Struct>> ASSIGNMENTS =
                Field.array("Assignments", SyncGroupRequestAssignment.SCHEMA);
        public static final Schema SCHEMA = new Schema("SyncGroupRequest",
                GROUP_ID, GENERATION_ID, MEMBER_ID, GROUP_INSTANCE_ID, ASSIGNMENTS);
    }

    public static final class Response {
        private Response() {
        }

        public static final Field<Integer> THROTTLE_TIME_MS = Field.int32("ThrottleTimeMs").versions(1);
        public static final Field<Short> ERROR_CODE = Field.int16("ErrorCode");
        public static final Field<byte[]> ASSIGNMENT = Field.bytes("Assignment");
        public static final Schema SCHEMA = new Schema("SyncGroupResponse", THROTTLE_TIME_MS, ERROR_CODE, ASSIGNMENT);
    }

    public static final ApiSpec SPEC = ApiSpec.of(14, "SyncGroup", VersionRange.between(0, 3), VersionRange.from(4),
            Request.SCHEMA, Response.SCHEMA);
}
