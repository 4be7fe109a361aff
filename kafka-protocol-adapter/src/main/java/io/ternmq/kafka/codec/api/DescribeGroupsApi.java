package io.ternmq.kafka.codec.api;

import io.ternmq.kafka.codec.ApiSpec;
import io.ternmq.kafka.codec.Field;
import io.ternmq.kafka.codec.FieldType;
import io.ternmq.kafka.codec.Schema;
import io.ternmq.kafka.codec.Struct;
import io.ternmq.kafka.codec.VersionRange;

import java.util.List;

/**
 * DescribeGroups (key 15), versions 0-4: request and response schemas with a typed {@link Field} handle per field.
 * Field order, types, versions, nullable versions, defaults and tags follow Kafka's
 * {@code DescribeGroupsRequest.json} and
 * {@code DescribeGroupsResponse.json}; fields that exist only outside versions 0-4 are left out.
 */
public final class DescribeGroupsApi {
    private DescribeGroupsApi() {
    }

    public static final class Request {
        private Request() {
        }

        public static final Field<List<String>> GROUPS = Field.arrayOf("Groups", FieldType.STRING);
        public static final Field<Boolean> INCLUDE_AUTHORIZED_OPERATIONS =
                Field.bool("IncludeAuthorizedOperations").versions(3);
        public static final Schema SCHEMA = new Schema("DescribeGroupsRequest", GROUPS, INCLUDE_AUTHORIZED_OPERATIONS);
    }

    public static final class Response {
        private Response() {
        }

        public static final class DescribedGroup {
            private DescribedGroup() {
            }

            public static final Field<Short> ERROR_CODE = Field.int16("ErrorCode");
            public static final Field<String> GROUP_ID = Field.string("GroupId");
            public static final Field<String> GROUP_STATE = Field.string("GroupState");
            public static final Field<String> PROTOCOL_TYPE = Field.string("ProtocolType");
            public static final Field<String> PROTOCOL_DATA = Field.string("ProtocolData");
            public static final Field<List<Struct>> MEMBERS = Field.array("Members", DescribedGroupMember.SCHEMA);
            public static final Field<Integer> AUTHORIZED_OPERATIONS =
                    Field.int32("AuthorizedOperations").versions(3).defaultValue(-2147483648);
            public static final Schema SCHEMA = new Schema("DescribedGroup",
                    ERROR_CODE, GROUP_ID, GROUP_STATE, PROTOCOL_TYPE, PROTOCOL_DATA, MEMBERS, AUTHORIZED_OPERATIONS);
        }

        public static final class DescribedGroupMember {
            private DescribedGroupMember() {
            }

            public static final Field<String> MEMBER_ID = Field.string("MemberId");
            public static final Field<String> GROUP_INSTANCE_ID =
                    Field.string("GroupInstanceId").versions(4).nullable(4).defaultValue(null);
            public static final Field<String> CLIENT_ID = Field.string("ClientId");
            public static final Field<String> CLIENT_HOST = Field.string("ClientHost");
            public static final Field<byte[]> MEMBER_METADATA = Field.bytes("MemberMetadata");
            public static final Field<byte[]> MEMBER_ASSIGNMENT = Field.bytes("MemberAssignment");
            public static final Schema SCHEMA = new Schema("DescribedGroupMember",
                    MEMBER_ID, GROUP_INSTANCE_ID, CLIENT_ID, CLIENT_HOST, MEMBER_METADATA, MEMBER_ASSIGNMENT);
        }

        public static final Field<Integer> THROTTLE_TIME_MS = Field.int32("ThrottleTimeMs").versions(1);
        public static final Field<List<Struct>> GROUPS = Field.array("Groups", DescribedGroup.SCHEMA);
        public static final Schema SCHEMA = new Schema("DescribeGroupsResponse", THROTTLE_TIME_MS, GROUPS);
    }

    public static final ApiSpec SPEC =
            ApiSpec.of(15, "DescribeGroups", VersionRange.between(0, 4), VersionRange.from(5),
            Request.SCHEMA, Response.SCHEMA);
}
