package io.ternmq.kafka.codec.api;

import io.ternmq.kafka.codec.ApiSpec;
import io.ternmq.kafka.codec.Field;
import io.ternmq.kafka.codec.Schema;
import io.ternmq.kafka.codec.Struct;
import io.ternmq.kafka.codec.VersionRange;

import java.util.List;

/**
 * ListOffsets (key 2), versions 1-5: request and response schemas with a typed {@link Field} handle per field.
 * Field order, types, versions, nullable versions, defaults and tags follow Kafka's
 * {@code ListOffsetsRequest.json} and
 * {@code ListOffsetsResponse.json}; fields that exist only outside versions 1-5 are left out.
 */
public final class ListOffsetsApi {
    private ListOffsetsApi() {
    }

    public static final class Request {
        private Request() {
        }

        public static final class ListOffsetsTopic {
            private ListOffsetsTopic() {
            }

            public static final Field<String> NAME = Field.string("Name");
            public static final Field<List<Struct>> PARTITIONS = Field.array("Partitions", ListOffsetsPartition.SCHEMA);
            public static final Schema SCHEMA = new Schema("ListOffsetsTopic", NAME, PARTITIONS);
        }

        public static final class ListOffsetsPartition {
            private ListOffsetsPartition() {
            }

            public static final Field<Integer> PARTITION_INDEX = Field.int32("PartitionIndex");
            public static final Field<Integer> CURRENT_LEADER_EPOCH =
                    Field.int32("CurrentLeaderEpoch").versions(4).defaultValue(-1);
            public static final Field<Long> TIMESTAMP = Field.int64("Timestamp");
            public static final Schema SCHEMA = new Schema("ListOffsetsPartition",
                    PARTITION_INDEX, CURRENT_LEADER_EPOCH, TIMESTAMP);
        }

        public static final Field<Integer> REPLICA_ID = Field.int32("ReplicaId");
        public static final Field<Byte> ISOLATION_LEVEL = Field.int8("IsolationLevel").versions(2);
        public static final Field<List<Struct>> TOPICS = Field.array("Topics", ListOffsetsTopic.SCHEMA);
        public static final Schema SCHEMA = new Schema("ListOffsetsRequest", REPLICA_ID, ISOLATION_LEVEL, TOPICS);
    }

    public static final class Response {
        private Response() {
        }

        public static final class ListOffsetsTopicResponse {
            private ListOffsetsTopicResponse() {
            }

            public static final Field<String> NAME = Field.string("Name");
            public static final Field<List<Struct>> PARTITIONS =
                    Field.array("Partitions", ListOffsetsPartitionResponse.SCHEMA);
            public static final Schema SCHEMA = new Schema("ListOffsetsTopicResponse", NAME, PARTITIONS);
        }

        public static final class ListOffsetsPartitionResponse {
            private ListOffsetsPartitionResponse() {
            }

            public static final Field<Integer> PARTITION_INDEX = Field.int32("PartitionIndex");
            public static final Field<Short> ERROR_CODE = Field.int16("ErrorCode");
            public static final Field<Long> TIMESTAMP = Field.int64("Timestamp").versions(1).defaultValue(-1L);
            public static final Field<Long> OFFSET = Field.int64("Offset").versions(1).defaultValue(-1L);
            public static final Field<Integer> LEADER_EPOCH = Field.int32("LeaderEpoch").versions(4).defaultValue(-1);
            public static final Schema SCHEMA = new Schema("ListOffsetsPartitionResponse",
                    PARTITION_INDEX, ERROR_CODE, TIMESTAMP, OFFSET, LEADER_EPOCH);
        }

        public static final Field<Integer> THROTTLE_TIME_MS = Field.int32("ThrottleTimeMs").versions(2);
        public static final Field<List<Struct>> TOPICS = Field.array("Topics", ListOffsetsTopicResponse.SCHEMA);
        public static final Schema SCHEMA = new Schema("ListOffsetsResponse", THROTTLE_TIME_MS, TOPICS);
    }

    public static final ApiSpec SPEC = ApiSpec.of(2, "ListOffsets", VersionRange.between(1, 5), VersionRange.from(6),
            Request.SCHEMA, Response.SCHEMA);
}
