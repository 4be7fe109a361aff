package io.ternmq.kafka.codec.api;

import io.ternmq.kafka.codec.ApiSpec;
import io.ternmq.kafka.codec.Field;
import io.ternmq.kafka.codec.Schema;
import io.ternmq.kafka.codec.Struct;
import io.ternmq.kafka.codec.VersionRange;

import java.util.List;

/**
 * OffsetDelete (key 47), versions 0-0: request and response schemas with a typed {@link Field} handle per field.
 * Field order, types, versions, nullable versions, defaults and tags follow Kafka's
 * {@code OffsetDeleteRequest.json} and
 * {@code OffsetDeleteResponse.json}; fields that exist only outside versions 0-0 are left out.
 */
public final class OffsetDeleteApi {
    private OffsetDeleteApi() {
    }

    public static final class Request {
        private Request() {
        }

        public static final class OffsetDeleteRequestTopic {
            private OffsetDeleteRequestTopic() {
            }

            public static final Field<String> NAME = Field.string("Name");
            public static final Field<List<Struct>> PARTITIONS =
                    Field.array("Partitions", OffsetDeleteRequestPartition.SCHEMA);
            public static final Schema SCHEMA = new Schema("OffsetDeleteRequestTopic", NAME, PARTITIONS);
        }

        public static final class OffsetDeleteRequestPartition {
            private OffsetDeleteRequestPartition() {
            }

            public static final Field<Integer> PARTITION_INDEX = Field.int32("PartitionIndex");
            public static final Schema SCHEMA = new Schema("OffsetDeleteRequestPartition", PARTITION_INDEX);
        }

        public static final Field<String> GROUP_ID = Field.string("GroupId");
        public static final Field<List<Struct>> TOPICS = Field.array("Topics", OffsetDeleteRequestTopic.SCHEMA);
        public static final Schema SCHEMA = new Schema("OffsetDeleteRequest", GROUP_ID, TOPICS);
    }

    public static final class Response {
        private Response() {
        }

        public static final class OffsetDeleteResponseTopic {
            private OffsetDeleteResponseTopic() {
            }

            public static final Field<String> NAME = Field.string("Name");
            public static final Field<List<Struct>> PARTITIONS =
                    Field.array("Partitions", OffsetDeleteResponsePartition.SCHEMA);
            public static final Schema SCHEMA = new Schema("OffsetDeleteResponseTopic", NAME, PARTITIONS);
        }

        public static final class OffsetDeleteResponsePartition {
            private OffsetDeleteResponsePartition() {
            }

            public static final Field<Integer> PARTITION_INDEX = Field.int32("PartitionIndex");
            public static final Field<Short> ERROR_CODE = Field.int16("ErrorCode");
            public static final Schema SCHEMA = new Schema("OffsetDeleteResponsePartition",
                    PARTITION_INDEX, ERROR_CODE);
        }

        public static final Field<Short> ERROR_CODE = Field.int16("ErrorCode");
        public static final Field<Integer> THROTTLE_TIME_MS = Field.int32("ThrottleTimeMs");
        public static final Field<List<Struct>> TOPICS = Field.array("Topics", OffsetDeleteResponseTopic.SCHEMA);
        public static final Schema SCHEMA = new Schema("OffsetDeleteResponse", ERROR_CODE, THROTTLE_TIME_MS, TOPICS);
    }

    public static final ApiSpec SPEC = ApiSpec.of(47, "OffsetDelete", VersionRange.between(0, 0), VersionRange.NONE,
            Request.SCHEMA, Response.SCHEMA);
}
