package io.ternmq.kafka.codec.api;

import io.ternmq.kafka.codec.ApiSpec;
import io.ternmq.kafka.codec.Field;
import io.ternmq.kafka.codec.FieldType;
import io.ternmq.kafka.codec.Schema;
import io.ternmq.kafka.codec.Struct;
import io.ternmq.kafka.codec.VersionRange;

import java.util.List;

/**
 * CreatePartitions (key 37), versions 0-1: request and response schemas with a typed {@link Field} handle per field.
 * Field order, types, versions, nullable versions, defaults and tags follow Kafka's
 * {@code CreatePartitionsRequest.json} and
 * {@code CreatePartitionsResponse.json}; fields that exist only outside versions 0-1 are left out.
 */
public final class CreatePartitionsApi {
    private CreatePartitionsApi() {
    }

    public static final class Request {
        private Request() {
        }

        public static final class CreatePartitionsTopic {
            private CreatePartitionsTopic() {
            }

            public static final Field<String> NAME = Field.string("Name");
            public static final Field<Integer> COUNT = Field.int32("Count");
            public static final Field<List<Struct>> ASSIGNMENTS =
                    Field.array("Assignments", CreatePartitionsAssignment.SCHEMA).nullable(0);
            public static final Schema SCHEMA = new Schema("CreatePartitionsTopic", NAME, COUNT, ASSIGNMENTS);
        }

        public static final class CreatePartitionsAssignment {
            private CreatePartitionsAssignment() {
            }

            public static final Field<List<Integer>> BROKER_IDS = Field.arrayOf("BrokerIds", FieldType.INT32);
            public static final Schema SCHEMA = new Schema("CreatePartitionsAssignment", BROKER_IDS);
        }

        public static final Field<List<Struct>> TOPICS = Field.array("Topics", CreatePartitionsTopic.SCHEMA);
        public static final Field<Integer> TIMEOUT_MS = Field.int32("TimeoutMs");
        public static final Field<Boolean> VALIDATE_ONLY = Field.bool("ValidateOnly");
        public static final Schema SCHEMA = new Schema("CreatePartitionsRequest", TOPICS, TIMEOUT_MS, VALIDATE_ONLY);
    }

    public static final class Response {
        private Response() {
        }

        public static final class CreatePartitionsTopicResult {
            private CreatePartitionsTopicResult() {
            }

            public static final Field<String> NAME = Field.string("Name");
            public static final Field<Short> ERROR_CODE = Field.int16("ErrorCode");
            public static final Field<String> ERROR_MESSAGE =
                    Field.string("ErrorMessage").nullable(0).defaultValue(null);
            public static final Schema SCHEMA = new Schema("CreatePartitionsTopicResult",
                    NAME, ERROR_CODE, ERROR_MESSAGE);
        }

        public static final Field<Integer> THROTTLE_TIME_MS = Field.int32("ThrottleTimeMs");
        public static final Field<List<Struct>> RESULTS = Field.array("Results", CreatePartitionsTopicResult.SCHEMA);
        public static final Schema SCHEMA = new Schema("CreatePartitionsResponse", THROTTLE_TIME_MS, RESULTS);
    }

    public static final ApiSpec SPEC =
            ApiSpec.of(37, "CreatePartitions", VersionRange.between(0, 1), VersionRange.from(2),
            Request.SCHEMA, Response.SCHEMA);
}
