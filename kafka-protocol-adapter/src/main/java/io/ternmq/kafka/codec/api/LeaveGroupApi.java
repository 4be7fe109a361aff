package io.ternmq.kafka.codec.api;

import io.ternmq.kafka.codec.ApiSpec;
import io.ternmq.kafka.codec.Field;
import io.ternmq.kafka.codec.Schema;
import io.ternmq.kafka.codec.Struct;
import io.ternmq.kafka.codec.VersionRange;

import java.util.List;

/**
 * LeaveGroup (key 13), versions 0-3: request and response schemas with a typed {@link Field} handle per field.
 * Field order, types, versions, nullable versions, defaults and tags follow Kafka's
 * {@code LeaveGroupRequest.json} and
 * {@code LeaveGroupResponse.json}; fields that exist only outside versions 0-3 are left out.
 */
public final class LeaveGroupApi {
    private LeaveGroupApi() {
    }

    public static final class Request {
        private Request() {
        }

        public static final class MemberIdentity {
            private MemberIdentity() {
            }

            public static final Field<String> MEMBER_ID = Field.string("MemberId").versions(3);
            public static final Field<String> GROUP_INSTANCE_ID =
                    Field.string("GroupInstanceId").versions(3).nullable(3).defaultValue(null);
            public static final Schema SCHEMA = new Schema("MemberIdentity", MEMBER_ID, GROUP_INSTANCE_ID);
        }

        public static final Field<String> GROUP_ID = Field.string("GroupId");
        public static final Field<String> MEMBER_ID = Field.string("MemberId").versions(0, 2);
        public static final Field<List<Struct>> MEMBERS = Field.array("Members", MemberIdentity.SCHEMA).versions(3);
        public static final Schema SCHEMA = new Schema("LeaveGroupRequest", GROUP_ID, MEMBER_ID, MEMBERS);
    }

    public static final class Response {
        private Response() {
        }

        public static final class MemberResponse {
            private MemberResponse() {
            }

            public static final Field<String> MEMBER_ID = Field.string("MemberId").versions(3);
            public static final Field<String> GROUP_INSTANCE_ID =
                    Field.string("GroupInstanceId").versions(3).nullable(3);
            public static final Field<Short> ERROR_CODE = Field.int16("ErrorCode").versions(3);
            public static final Schema SCHEMA = new Schema("MemberResponse", MEMBER_ID, GROUP_INSTANCE_ID, ERROR_CODE);
        }

        public static final Field<Integer> THROTTLE_TIME_MS = Field.int32("ThrottleTimeMs").versions(1);
        public static final Field<Short> ERROR_CODE = Field.int16("ErrorCode");
        public static final Field<List<Struct>> MEMBERS = Field.array("Members", MemberResponse.SCHEMA).versions(3);
        public static final Schema SCHEMA = new Schema("LeaveGroupResponse", THROTTLE_TIME_MS, ERROR_CODE, MEMBERS);
    }

    public static final ApiSpec SPEC = ApiSpec.of(13, "LeaveGroup", VersionRange.between(0, 3), VersionRange.from(4),
            Request.SCHEMA, Response.SCHEMA);
}
