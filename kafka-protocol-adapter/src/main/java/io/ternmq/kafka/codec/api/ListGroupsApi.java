package io.ternmq.kafka.codec.api;

import io.ternmq.kafka.codec.ApiSpec;
import io.ternmq.kafka.codec.Field;
import io.ternmq.kafka.codec.Schema;
import io.ternmq.kafka.codec.Struct;
import io.ternmq.kafka.codec.VersionRange;

import java.util.List;

/**
 * ListGroups (key 16), versions 0-2: request and response schemas with a typed {@link Field} handle per field.
 * Field order, types, versions, nullable versions, defaults and tags follow Kafka's
 * {@code ListGroupsRequest.json} and
 * {@code ListGroupsResponse.json}; fields that exist only outside versions 0-2 are left out.
 */
public final class ListGroupsApi {
    private ListGroupsApi() {
    }

    public static final class Request {
        private Request() {
        }

        public static final Schema SCHEMA = new Schema("ListGroupsRequest");
    }

    public static final class Response {
        private Response() {
        }

        public static final class ListedGroup {
            private ListedGroup() {
            }

            public static final Field<String> GROUP_ID = Field.string("GroupId");
            public static final Field<String> PROTOCOL_TYPE = Field.string("ProtocolType");
            public static final Schema SCHEMA = new Schema("ListedGroup", GROUP_ID, PROTOCOL_TYPE);
        }

        public static final Field<Integer> THROTTLE_TIME_MS = Field.int32("ThrottleTimeMs").versions(1);
        public static final Field<Short> ERROR_CODE = Field.int16("ErrorCode");
        public static final Field<List<Struct>> GROUPS = Field.array("Groups", ListedGroup.SCHEMA);
        public static final Schema SCHEMA = new Schema("ListGroupsResponse", THROTTLE_TIME_MS, ERROR_CODE, GROUPS);
    }

    public static final ApiSpec SPEC = ApiSpec.of(16, "ListGroups", VersionRange.between(0, 2), VersionRange.from(3),
            Request.SCHEMA, Response.SCHEMA);
}
