package io.ternmq.kafka.codec.api;

import io.ternmq.kafka.codec.ApiSpec;
import io.ternmq.kafka.codec.Field;
import io.ternmq.kafka.codec.Schema;
import io.ternmq.kafka.codec.Struct;
import io.ternmq.kafka.codec.VersionRange;

import java.util.List;

/**
 * JoinGroup (key 11), versions 0-5: request and response schemas with a typed {@link Field} handle per field.
 * Field order, types, versions, nullable versions, defaults and tags follow Kafka's
 * {@code JoinGroupRequest.json} and
 * {@code JoinGroupResponse.json}; fields that exist only outside versions 0-5 are left out.
 */
public final class JoinGroupApi {
    private JoinGroupApi() {
    }

    public static final class Request {
        private Request() {
        }

        public static final class JoinGroupRequestProtocol {
            private JoinGroupRequestProtocol() {
            }

            public static final Field<String> NAME = Field.string("Name");
            public static final Field<byte[]> METADATA = Field.bytes("Metadata");
            public static final Schema SCHEMA = new Schema("JoinGroupRequestProtocol", NAME, METADATA);
        }

        public static final Field<String> GROUP_ID = Field.string("GroupId");
        public static final Field<Integer> SESSION_TIMEOUT_MS = Field.int32("SessionTimeoutMs");
        public static final Field<Integer> REBALANCE_TIMEOUT_MS =
                Field.int32("RebalanceTimeoutMs").versions(1).defaultValue(-1);
        public static final Field<String> MEMBER_ID = Field.string("MemberId");
        public static final Field<String> GROUP_INSTANCE_ID =
                Field.string("GroupInstanceId").versions(5).nullable(5).defaultValue(null);
        public static final Field<String> PROTOCOL_TYPE = Field.string("ProtocolType");
        public static final Field<List<Struct>> PROTOCOLS = Field.array("Protocols", JoinGroupRequestProtocol.SCHEMA);
        public static final Schema SCHEMA = new Schema("JoinGroupRequest",
                GROUP_ID, SESSION_TIMEOUT_MS, REBALANCE_TIMEOUT_MS, MEMBER_ID, GROUP_INSTANCE_ID, PROTOCOL_TYPE,
                PROTOCOLS);
    }

    public static final class Response {
        private Response() {
        }

        public static final class JoinGroupResponseMember {
            private JoinGroupResponseMember() {
            }

            public static final Field<String> MEMBER_ID = Field.string("MemberId");
            public static final Field<String> GROUP_INSTANCE_ID =
                    Field.string("GroupInstanceId").versions(5).nullable(5).defaultValue(null);
            public static final Field<byte[]> METADATA = Field.bytes("Metadata");
            public static final Schema SCHEMA = new Schema("JoinGroupResponseMember",
                    MEMBER_ID, GROUP_INSTANCE_ID, METADATA);
        }

        public static final Field<Integer> THROTTLE_TIME_MS = Field.int32("ThrottleTimeMs").versions(2);
        public static final Field<Short> ERROR_CODE = Field.int16("ErrorCode");
        public static final Field<Integer> GENERATION_ID = Field.int32("GenerationId").defaultValue(-1);
        public static final Field<String> PROTOCOL_NAME = Field.string("ProtocolName").nullable(7);
        public static final Field<String> LEADER = Field.string("Leader");
        public static final Field<String> MEMBER_ID = Field.string("MemberId");
        public static final Field<List<Struct>> MEMBERS = Field.array("Members", JoinGroupResponseMember.SCHEMA);
        public static final Schema SCHEMA = new Schema("JoinGroupResponse",
                THROTTLE_TIME_MS, ERROR_CODE, GENERATION_ID, PROTOCOL_NAME, LEADER, MEMBER_ID, MEMBERS);
    }

    public static final ApiSpec SPEC = ApiSpec.of(11, "JoinGroup", VersionRange.between(0, 5), VersionRange.from(6),
            Request.SCHEMA, Response.SCHEMA);
}
