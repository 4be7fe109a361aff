package io.ternmq.kafka.codec.api;

import io.ternmq.kafka.codec.ApiSpec;
import io.ternmq.kafka.codec.Field;
import io.ternmq.kafka.codec.FieldType;
import io.ternmq.kafka.codec.Schema;
import io.ternmq.kafka.codec.Struct;
import io.ternmq.kafka.codec.VersionRange;

import java.util.List;

/**
 * OffsetFetch (key 9), versions 1-5: request and response schemas with a typed {@link Field} handle per field.
 * Field order, types, versions, nullable versions, defaults and tags follow Kafka's
 * {@code OffsetFetchRequest.json} and
 * {@code OffsetFetchResponse.json}; fields that exist only outside versions 1-5 are left out.
 */
public final class OffsetFetchApi {
    private OffsetFetchApi() {
    }

    public static final class Request {
        private Request() {
        }

        public static final class OffsetFetchRequestTopic {
            private OffsetFetchRequestTopic() {
            }

            public static final Field<String> NAME = Field.string("Name").versions(0, 7);
            public static final Field<List<Integer>> PARTITION_INDEXES =
                    Field.arrayOf("PartitionIndexes", FieldType.INT32).versions(0, 7);
            public static final Schema SCHEMA = new Schema("OffsetFetchRequestTopic", NAME, PARTITION_INDEXES);
        }

        public static final Field<String> GROUP_ID = Field.string("GroupId").versions(0, 7);
        public static final Field<List<Struct>> TOPICS =
                Field.array("Topics", OffsetFetchRequestTopic.SCHEMA).versions(0, 7)
                        .nullable(VersionRange.between(2, 7));
        public static final Schema SCHEMA = new Schema("OffsetFetchRequest", GROUP_ID, TOPICS);
    }

    public static final class Response {
        private Response() {
        }

        public static final class OffsetFetchResponseTopic {
            private OffsetFetchResponseTopic() {
            }

            public static final Field<String> NAME = Field.string("Name").versions(0, 7);
            public static final Field<List<Struct>> PARTITIONS =
                    Field.array("Partitions", OffsetFetchResponsePartition.SCHEMA).versions(0, 7);
            public static final Schema SCHEMA = new Schema("OffsetFetchResponseTopic", NAME, PARTITIONS);
        }

        public static final class OffsetFetchResponsePartition {
            private OffsetFetchResponsePartition() {
            }

            public static final Field<Integer> PARTITION_INDEX = Field.int32("PartitionIndex").versions(0, 7);
            public static final Field<Long> COMMITTED_OFFSET = Field.int64("CommittedOffset").versions(0, 7);
            public static final Field<Integer> COMMITTED_LEADER_EPOCH =
                    Field.int32("CommittedLeaderEpoch").versions(5, 7).defaultValue(-1);
            public static final Field<String> METADATA =
                    Field.string("Metadata").versions(0, 7).nullable(VersionRange.between(0, 7));
            public static final Field<Short> ERROR_CODE = Field.int16("ErrorCode").versions(0, 7);
            public static final Schema SCHEMA = new Schema("OffsetFetchResponsePartition",
                    PARTITION_INDEX, COMMITTED_OFFSET, COMMITTED_LEADER_EPOCH, METADATA, ERROR_CODE);
        }

        public static final Field<Integer> THROTTLE_TIME_MS = Field.int32("ThrottleTimeMs").versions(3);
        public static final Field<List<Struct>> TOPICS =
                Field.array("Topics", OffsetFetchResponseTopic.SCHEMA).versions(0, 7);
        public static final Field<Short> ERROR_CODE = Field.int16("ErrorCode").versions(2, 7);
        public static final Schema SCHEMA = new Schema("OffsetFetchResponse", THROTTLE_TIME_MS, TOPICS, ERROR_CODE);
    }

    public static final ApiSpec SPEC = ApiSpec.of(9, "OffsetFetch", VersionRange.between(1, 5), VersionRange.from(6),
            Request.SCHEMA, Response.SCHEMA);
}
