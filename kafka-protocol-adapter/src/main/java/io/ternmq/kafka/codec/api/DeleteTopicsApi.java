package io.ternmq.kafka.codec.api;

import io.ternmq.kafka.codec.ApiSpec;
import io.ternmq.kafka.codec.Field;
import io.ternmq.kafka.codec.FieldType;
import io.ternmq.kafka.codec.Schema;
import io.ternmq.kafka.codec.Struct;
import io.ternmq.kafka.codec.VersionRange;

import java.util.List;

/**
 * DeleteTopics (key 20), versions 1-3: request and response schemas with a typed {@link Field} handle per field.
 * Field order, types, versions, nullable versions, defaults and tags follow Kafka's
 * {@code DeleteTopicsRequest.json} and
 * {@code DeleteTopicsResponse.json}; fields that exist only outside versions 1-3 are left out.
 */
public final class DeleteTopicsApi {
    private DeleteTopicsApi() {
    }

    public static final class Request {
        private Request() {
        }

        public static final Field<List<String>> TOPIC_NAMES =
                Field.arrayOf("TopicNames", FieldType.STRING).versions(0, 5);
        public static final Field<Integer> TIMEOUT_MS = Field.int32("TimeoutMs");
        public static final Schema SCHEMA = new Schema("DeleteTopicsRequest", TOPIC_NAMES, TIMEOUT_MS);
    }

    public static final class Response {
        private Response() {
        }

        public static final class DeletableTopicResult {
            private DeletableTopicResult() {
            }

            public static final Field<String> NAME = Field.string("Name").nullable(6);
            public static final Field<Short> ERROR_CODE = Field.int16("ErrorCode");
            public static final Schema SCHEMA = new Schema("DeletableTopicResult", NAME, ERROR_CODE);
        }

        public static final Field<Integer> THROTTLE_TIME_MS = Field.int32("ThrottleTimeMs").versions(1);
        public static final Field<List<Struct>> RESPONSES = Field.array("Responses", DeletableTopicResult.SCHEMA);
        public static final Schema SCHEMA = new Schema("DeleteTopicsResponse", THROTTLE_TIME_MS, RESPONSES);
    }

    public static final ApiSpec SPEC = ApiSpec.of(20, "DeleteTopics", VersionRange.between(1, 3), VersionRange.from(4),
            Request.SCHEMA, Response.SCHEMA);
}
