package io.ternmq.kafka.codec.api;

import io.netty.buffer.ByteBuf;
import io.ternmq.kafka.codec.ApiSpec;
import io.ternmq.kafka.codec.Field;
import io.ternmq.kafka.codec.FieldType;
import io.ternmq.kafka.codec.Schema;
import io.ternmq.kafka.codec.Struct;
import io.ternmq.kafka.codec.VersionRange;

import java.util.List;

/**
 * Fetch (key 1), versions 4-11: request and response schemas with a typed {@link Field} handle per field.
 * Field order, types, versions, nullable versions, defaults and tags follow Kafka's
 * {@code FetchRequest.json} and
 * {@code FetchResponse.json}; fields that exist only outside versions 4-11 are left out.
 */
public final class FetchApi {
    private FetchApi() {
    }

    public static final class Request {
        private Request() {
        }

        public static final class FetchTopic {
            private FetchTopic() {
            }

            public static final Field<String> TOPIC = Field.string("Topic").versions(0, 12);
            public static final Field<List<Struct>> PARTITIONS = Field.array("Partitions", FetchPartition.SCHEMA);
            public static final Schema SCHEMA = new Schema("FetchTopic", TOPIC, PARTITIONS);
        }

        public static final class FetchPartition {
            private FetchPartition() {
            }

            public static final Field<Integer> PARTITION = Field.int32("Partition");
            public static final Field<Integer> CURRENT_LEADER_EPOCH =
                    Field.int32("CurrentLeaderEpoch").versions(9).defaultValue(-1);
            public static final Field<Long> FETCH_OFFSET = Field.int64("FetchOffset");
            public static final Field<Long> LOG_START_OFFSET =
                    Field.int64("LogStartOffset").versions(5).defaultValue(-1L);
            public static final Field<Integer> PARTITION_MAX_BYTES = Field.int32("PartitionMaxBytes");
            public static final Schema SCHEMA = new Schema("FetchPartition",
                    PARTITION, CURRENT_LEADER_EPOCH, FETCH_OFFSET, LOG_START_OFFSET, PARTITION_MAX_BYTES);
        }

        public static final class ForgottenTopic {
            private ForgottenTopic() {
            }

            public static final Field<String> TOPIC = Field.string("Topic").versions(7, 12);
            public static final Field<List<Integer>> PARTITIONS =
                    Field.arrayOf("Partitions", FieldType.INT32).versions(7);
            public static final Schema SCHEMA = new Schema("ForgottenTopic", TOPIC, PARTITIONS);
        }

        public static final Field<Integer> REPLICA_ID = Field.int32("ReplicaId").versions(0, 14).defaultValue(-1);
        public static final Field<Integer> MAX_WAIT_MS = Field.int32("MaxWaitMs");
        public static final Field<Integer> MIN_BYTES = Field.int32("MinBytes");
        public static final Field<Integer> MAX_BYTES = Field.int32("MaxBytes").versions(3).defaultValue(0x7fffffff);
        public static final Field<Byte> ISOLATION_LEVEL = Field.int8("IsolationLevel").versions(4);
        public static final Field<Integer> SESSION_ID = Field.int32("SessionId").versions(7);
        public static final Field<Integer> SESSION_EPOCH = Field.int32("SessionEpoch").versions(7).defaultValue(-1);
        public static final Field<List<Struct>> TOPICS = Field.array("Topics", FetchTopic.SCHEMA);
        public static final Field<List<Struct>> FORGOTTEN_TOPICS_DATA =
                Field.array("ForgottenTopicsData", ForgottenTopic.SCHEMA).versions(7);
        public static final Field<String> RACK_ID = Field.string("RackId").versions(11);
        public static final Schema SCHEMA = new Schema("FetchRequest",
                REPLICA_ID, MAX_WAIT_MS, MIN_BYTES, MAX_BYTES, ISOLATION_LEVEL, SESSION_ID, SESSION_EPOCH, TOPICS,
                FORGOTTEN_TOPICS_DATA, RACK_ID);
    }

    public static final class Response {
        private Response() {
        }

        public static final class FetchableTopicResponse {
            private FetchableTopicResponse() {
            }

            public static final Field<String> TOPIC = Field.string("Topic").versions(0, 12);
            public static final Field<List<Struct>> PARTITIONS = Field.array("Partitions", PartitionData.SCHEMA);
            public static final Schema SCHEMA = new Schema("FetchableTopicResponse", TOPIC, PARTITIONS);
        }

        public static final class PartitionData {
            private PartitionData() {
            }

            public static final Field<Integer> PARTITION_INDEX = Field.int32("PartitionIndex");
            public static final Field<Short> ERROR_CODE = Field.int16("ErrorCode");
            public static final Field<Long> HIGH_WATERMARK = Field.int64("HighWatermark");
            public static final Field<Long> LAST_STABLE_OFFSET =
                    Field.int64("LastStableOffset").versions(4).defaultValue(-1L);
            public static final Field<Long> LOG_START_OFFSET =
                    Field.int64("LogStartOffset").versions(5).defaultValue(-1L);
            public static final Field<List<Struct>> ABORTED_TRANSACTIONS =
                    Field.array("AbortedTransactions", AbortedTransaction.SCHEMA).versions(4).nullable(4);
            public static final Field<Integer> PREFERRED_READ_REPLICA =
                    Field.int32("PreferredReadReplica").versions(11).defaultValue(-1);
            public static final Field<ByteBuf> RECORDS = Field.records("Records").nullable(0);
            public static final Schema SCHEMA = new Schema("PartitionData",
                    PARTITION_INDEX, ERROR_CODE, HIGH_WATERMARK, LAST_STABLE_OFFSET, LOG_START_OFFSET,
                    ABORTED_TRANSACTIONS, PREFERRED_READ_REPLICA, RECORDS);
        }

        public static final class AbortedTransaction {
            private AbortedTransaction() {
            }

            public static final Field<Long> PRODUCER_ID = Field.int64("ProducerId").versions(4);
            public static final Field<Long> FIRST_OFFSET = Field.int64("FirstOffset").versions(4);
            public static final Schema SCHEMA = new Schema("AbortedTransaction", PRODUCER_ID, FIRST_OFFSET);
        }

        public static final Field<Integer> THROTTLE_TIME_MS = Field.int32("ThrottleTimeMs").versions(1);
        public static final Field<Short> ERROR_CODE = Field.int16("ErrorCode").versions(7);
        public static final Field<Integer> SESSION_ID = Field.int32("SessionId").versions(7);
        public static final Field<List<Struct>> RESPONSES = Field.array("Responses", FetchableTopicResponse.SCHEMA);
        public static final Schema SCHEMA = new Schema("FetchResponse",
                THROTTLE_TIME_MS, ERROR_CODE, SESSION_ID, RESPONSES);
    }

    public static final ApiSpec SPEC = ApiSpec.of(1, "Fetch", VersionRange.between(4, 11), VersionRange.from(12),
            Request.SCHEMA, Response.SCHEMA);
}
