package io.ternmq.kafka.codec.api;

import io.ternmq.kafka.codec.ApiSpec;
import io.ternmq.kafka.codec.Field;
import io.ternmq.kafka.codec.FieldType;
import io.ternmq.kafka.codec.Schema;
import io.ternmq.kafka.codec.Struct;
import io.ternmq.kafka.codec.VersionRange;

import java.util.List;

/**
 * DeleteGroups (key 42), versions 0-1: request and response schemas with a typed {@link Field} handle per field.
 * Field order, types, versions, nullable versions, defaults and tags follow Kafka's
 * {@code DeleteGroupsRequest.json} and
 * {@code DeleteGroupsResponse.json}; fields that exist only outside versions 0-1 are left out.
 */
public final class DeleteGroupsApi {
    private DeleteGroupsApi() {
    }

    public static final class Request {
        private Request() {
        }

        public static final Field<List<String>> GROUPS_NAMES = Field.arrayOf("GroupsNames", FieldType.STRING);
        public static final Schema SCHEMA = new Schema("DeleteGroupsRequest", GROUPS_NAMES);
    }

    public static final class Response {
        private Response() {
        }

        public static final class DeletableGroupResult {
            private DeletableGroupResult() {
            }

            public static final Field<String> GROUP_ID = Field.string("GroupId");
            public static final Field<Short> ERROR_CODE = Field.int16("ErrorCode");
            public static final Schema SCHEMA = new Schema("DeletableGroupResult", GROUP_ID, ERROR_CODE);
        }

        public static final Field<Integer> THROTTLE_TIME_MS = Field.int32("ThrottleTimeMs");
        public static final Field<List<Struct>> RESULTS = Field.array("Results", DeletableGroupResult.SCHEMA);
        public static final Schema SCHEMA = new Schema("DeleteGroupsResponse", THROTTLE_TIME_MS, RESULTS);
    }

    public static final ApiSpec SPEC = ApiSpec.of(42, "DeleteGroups", VersionRange.between(0, 1), VersionRange.from(2),
            Request.SCHEMA, Response.SCHEMA);
}
