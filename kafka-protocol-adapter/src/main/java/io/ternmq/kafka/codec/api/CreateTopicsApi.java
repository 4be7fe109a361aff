package io.ternmq.kafka.codec.api;

import io.ternmq.kafka.codec.ApiSpec;
import io.ternmq.kafka.codec.Field;
import io.ternmq.kafka.codec.FieldType;
import io.ternmq.kafka.codec.Schema;
import io.ternmq.kafka.codec.Struct;
import io.ternmq.kafka.codec.VersionRange;

import java.util.List;

/**
 * CreateTopics (key 19), versions 2-4: request and response schemas with a typed {@link Field} handle per field.
 * Field order, types, versions, nullable versions, defaults and tags follow Kafka's
 * {@code CreateTopicsRequest.json} and
 * {@code CreateTopicsResponse.json}; fields that exist only outside versions 2-4 are left out.
 */
public final class CreateTopicsApi {
    private CreateTopicsApi() {
    }

    public static final class Request {
        private Request() {
        }

        public static final class CreatableTopic {
            private CreatableTopic() {
            }

            public static final Field<String> NAME = Field.string("Name");
            public static final Field<Integer> NUM_PARTITIONS = Field.int32("NumPartitions");
            public static final Field<Short> REPLICATION_FACTOR = Field.int16("ReplicationFactor");
            public static final Field<List<Struct>> ASSIGNMENTS =
                    Field.array("Assignments", CreatableReplicaAssignment.SCHEMA);
            public static final Field<List<Struct>> CONFIGS = Field.array("Configs", CreatableTopicConfig.SCHEMA);
            public static final Schema SCHEMA = new Schema("CreatableTopic",
                    NAME, NUM_PARTITIONS, REPLICATION_FACTOR, ASSIGNMENTS, CONFIGS);
        }

        public static final class CreatableReplicaAssignment {
            private CreatableReplicaAssignment() {
            }

            public static final Field<Integer> PARTITION_INDEX = Field.int32("PartitionIndex");
            public static final Field<List<Integer>> BROKER_IDS = Field.arrayOf("BrokerIds", FieldType.INT32);
            public static final Schema SCHEMA = new Schema("CreatableReplicaAssignment", PARTITION_INDEX, BROKER_IDS);
        }

        public static final class CreatableTopicConfig {
            private CreatableTopicConfig() {
            }

            public static final Field<String> NAME = Field.string("Name");
            public static final Field<String> VALUE = Field.string("Value").nullable(0);
            public static final Schema SCHEMA = new Schema("CreatableTopicConfig", NAME, VALUE);
        }

        public static final Field<List<Struct>> TOPICS = Field.array("Topics", CreatableTopic.SCHEMA);
        public static final Field<Integer> TIMEOUT_MS = Field.int32("timeoutMs").defaultValue(60000);
        public static final Field<Boolean> VALIDATE_ONLY = Field.bool("validateOnly").versions(1);
        public static final Schema SCHEMA = new Schema("CreateTopicsRequest", TOPICS, TIMEOUT_MS, VALIDATE_ONLY);
    }

    public static final class Response {
        private Response() {
        }

        public static final class CreatableTopicResult {
            private CreatableTopicResult() {
            }

            public static final Field<String> NAME = Field.string("Name");
            public static final Field<Short> ERROR_CODE = Field.int16("ErrorCode");
            public static final Field<String> ERROR_MESSAGE = Field.string("ErrorMessage").versions(1).nullable(0);
            public static final Schema SCHEMA = new Schema("CreatableTopicResult", NAME, ERROR_CODE, ERROR_MESSAGE);
        }

        public static final Field<Integer> THROTTLE_TIME_MS = Field.int32("ThrottleTimeMs").versions(2);
        public static final Field<List<Struct>> TOPICS = Field.array("Topics", CreatableTopicResult.SCHEMA);
        public static final Schema SCHEMA = new Schema("CreateTopicsResponse", THROTTLE_TIME_MS, TOPICS);
    }

    public static final ApiSpec SPEC = ApiSpec.of(19, "CreateTopics", VersionRange.between(2, 4), VersionRange.from(5),
            Request.SCHEMA, Response.SCHEMA);
}
