package io.ternmq.kafka.codec.api;

import io.ternmq.kafka.codec.ApiSpec;
import io.ternmq.kafka.codec.Field;
import io.ternmq.kafka.codec.Schema;
import io.ternmq.kafka.codec.Struct;
import io.ternmq.kafka.codec.VersionRange;

import java.util.List;

/**
 * OffsetCommit (key 8), versions 2-7: request and response schemas with a typed {@link Field} handle per field.
 * Field order, types, versions, nullable versions, defaults and tags follow Kafka's
 * {@code OffsetCommitRequest.json} and
 * {@code OffsetCommitResponse.json}; fields that exist only outside versions 2-7 are left out.
 */
public final class OffsetCommitApi {
    private OffsetCommitApi() {
    }

    public static final class Request {
        private Request() {
        }

        public static final class OffsetCommitRequestTopic {
            private OffsetCommitRequestTopic() {
            }

            public static final Field<String> NAME = Field.string("Name").versions(0, 9);
            public static final Field<List<Struct>> PARTITIONS =
                    Field.array("Partitions", OffsetCommitRequestPartition.SCHEMA);
            public static final Schema SCHEMA = new Schema("OffsetCommitRequestTopic", NAME, PARTITIONS);
        }

        public static final class OffsetCommitRequestPartition {
            private OffsetCommitRequestPartition() {
            }

            public static final Field<Integer> PARTITION_INDEX = Field.int32("PartitionIndex");
            public static final Field<Long> COMMITTED_OFFSET = Field.int64("CommittedOffset");
            public static final Field<Integer> COMMITTED_LEADER_EPOCH =
                    Field.int32("CommittedLeaderEpoch").versions(6).defaultValue(-1);
            public static final Field<String> COMMITTED_METADATA = Field.string("CommittedMetadata").nullable(0);
            public static final Schema SCHEMA = new Schema("OffsetCommitRequestPartition",
                    PARTITION_INDEX, COMMITTED_OFFSET, COMMITTED_LEADER_EPOCH, COMMITTED_METADATA);
        }

        public static final Field<String> GROUP_ID = Field.string("GroupId");
        public static final Field<Integer> GENERATION_ID_OR_MEMBER_EPOCH =
                Field.int32("GenerationIdOrMemberEpoch").versions(1).defaultValue(-1);
        public static final Field<String> MEMBER_ID = Field.string("MemberId").versions(1);
        public static final Field<String> GROUP_INSTANCE_ID =
                Field.string("GroupInstanceId").versions(7).nullable(7).defaultValue(null);
        public static final Field<Long> RETENTION_TIME_MS =
                Field.int64("RetentionTimeMs").versions(2, 4).defaultValue(-1L);
        public static final Field<List<Struct>> TOPICS = Field.array("Topics", OffsetCommitRequestTopic.SCHEMA);
        public static final Schema SCHEMA = new Schema("OffsetCommitRequest",
                GROUP_ID, GENERATION_ID_OR_MEMBER_EPOCH, MEMBER_ID, GROUP_INSTANCE_ID, RETENTION_TIME_MS, TOPICS);
    }

    public static final class Response {
        private Response() {
        }

        public static final class OffsetCommitResponseTopic {
            private OffsetCommitResponseTopic() {
            }

            public static final Field<String> NAME = Field.string("Name").versions(0, 9);
            public static final Field<List<Struct>> PARTITIONS =
                    Field.array("Partitions", OffsetCommitResponsePartition.SCHEMA);
            public static final Schema SCHEMA = new Schema("OffsetCommitResponseTopic", NAME, PARTITIONS);
        }

        public static final class OffsetCommitResponsePartition {
            private OffsetCommitResponsePartition() {
            }

            public static final Field<Integer> PARTITION_INDEX = Field.int32("PartitionIndex");
            public static final Field<Short> ERROR_CODE = Field.int16("ErrorCode");
            public static final Schema SCHEMA = new Schema("OffsetCommitResponsePartition",
                    PARTITION_INDEX, ERROR_CODE);
        }

        public static final Field<Integer> THROTTLE_TIME_MS = Field.int32("ThrottleTimeMs").versions(3);
        public static final Field<List<Struct>> TOPICS = Field.array("Topics", OffsetCommitResponseTopic.SCHEMA);
        public static final Schema SCHEMA = new Schema("OffsetCommitResponse", THROTTLE_TIME_MS, TOPICS);
    }

    public static final ApiSpec SPEC = ApiSpec.of(8, "OffsetCommit", VersionRange.between(2, 7), VersionRange.from(8),
            Request.SCHEMA, Response.SCHEMA);
}
