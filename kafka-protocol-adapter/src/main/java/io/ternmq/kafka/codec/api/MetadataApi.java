package io.ternmq.kafka.codec.api;

import io.ternmq.kafka.codec.ApiSpec;
import io.ternmq.kafka.codec.Field;
import io.ternmq.kafka.codec.FieldType;
import io.ternmq.kafka.codec.Schema;
import io.ternmq.kafka.codec.Struct;
import io.ternmq.kafka.codec.VersionRange;

import java.util.List;

/**
 * Metadata (key 3), versions 0-8: request and response schemas with a typed {@link Field} handle per field.
 * Field order, types, versions, nullable versions, defaults and tags follow Kafka's
 * {@code MetadataRequest.json} and
 * {@code MetadataResponse.json}; fields that exist only outside versions 0-8 are left out.
 */
public final class MetadataApi {
    private MetadataApi() {
    }

    public static final class Request {
        private Request() {
        }

        public static final class MetadataRequestTopic {
            private MetadataRequestTopic() {
            }

            public static final Field<String> NAME = Field.string("Name").nullable(10);
            public static final Schema SCHEMA = new Schema("MetadataRequestTopic", NAME);
        }

        public static final Field<List<Struct>> TOPICS = Field.array("Topics", MetadataRequestTopic.SCHEMA).nullable(1);
        public static final Field<Boolean> ALLOW_AUTO_TOPIC_CREATION =
                Field.bool("AllowAutoTopicCreation").versions(4).defaultValue(true);
        public static final Field<Boolean> INCLUDE_CLUSTER_AUTHORIZED_OPERATIONS =
                Field.bool("IncludeClusterAuthorizedOperations").versions(8, 10);
        public static final Field<Boolean> INCLUDE_TOPIC_AUTHORIZED_OPERATIONS =
                Field.bool("IncludeTopicAuthorizedOperations").versions(8);
        public static final Schema SCHEMA = new Schema("MetadataRequest",
                TOPICS, ALLOW_AUTO_TOPIC_CREATION, INCLUDE_CLUSTER_AUTHORIZED_OPERATIONS,
                INCLUDE_TOPIC_AUTHORIZED_OPERATIONS);
    }

    public static final class Response {
        private Response() {
        }

        public static final class MetadataResponseBroker {
            private MetadataResponseBroker() {
            }

            public static final Field<Integer> NODE_ID = Field.int32("NodeId");
            public static final Field<String> HOST = Field.string("Host");
            public static final Field<Integer> PORT = Field.int32("Port");
            public static final Field<String> RACK = Field.string("Rack").versions(1).nullable(1).defaultValue(null);
            public static final Schema SCHEMA = new Schema("MetadataResponseBroker", NODE_ID, HOST, PORT, RACK);
        }

        public static final class MetadataResponseTopic {
            private MetadataResponseTopic() {
            }

            public static final Field<Short> ERROR_CODE = Field.int16("ErrorCode");
            public static final Field<String> NAME = Field.string("Name").nullable(12);
            public static final Field<Boolean> IS_INTERNAL = Field.bool("IsInternal").versions(1);
            public static final Field<List<Struct>> PARTITIONS =
                    Field.array("Partitions", MetadataResponsePartition.SCHEMA);
            public static final Field<Integer> TOPIC_AUTHORIZED_OPERATIONS =
                    Field.int32("TopicAuthorizedOperations").versions(8).defaultValue(-2147483648);
            public static final Schema SCHEMA = new Schema("MetadataResponseTopic",
                    ERROR_CODE, NAME, IS_INTERNAL, PARTITIONS, TOPIC_AUTHORIZED_OPERATIONS);
        }

        public static final class MetadataResponsePartition {
            private MetadataResponsePartition() {
            }

            public static final Field<Short> ERROR_CODE = Field.int16("ErrorCode");
            public static final Field<Integer> PARTITION_INDEX = Field.int32("PartitionIndex");
            public static final Field<Integer> LEADER_ID = Field.int32("LeaderId");
            public static final Field<Integer> LEADER_EPOCH = Field.int32("LeaderEpoch").versions(7).defaultValue(-1);
            public static final Field<List<Integer>> REPLICA_NODES = Field.arrayOf("ReplicaNodes", FieldType.INT32);
            public static final Field<List<Integer>> ISR_NODES = Field.arrayOf("IsrNodes", FieldType.INT32);
            public static final Field<List<Integer>> OFFLINE_REPLICAS =
                    Field.arrayOf("OfflineReplicas", FieldType.INT32).versions(5);
            public static final Schema SCHEMA = new Schema("MetadataResponsePartition",
                    ERROR_CODE, PARTITION_INDEX, LEADER_ID, LEADER_EPOCH, REPLICA_NODES, ISR_NODES, OFFLINE_REPLICAS);
        }

        public static final Field<Integer> THROTTLE_TIME_MS = Field.int32("ThrottleTimeMs").versions(3);
        public static final Field<List<Struct>> BROKERS = Field.array("Brokers", MetadataResponseBroker.SCHEMA);
        public static final Field<String> CLUSTER_ID =
                Field.string("ClusterId").versions(2).nullable(2).defaultValue(null);
        public static final Field<Integer> CONTROLLER_ID = Field.int32("ControllerId").versions(1).defaultValue(-1);
        public static final Field<List<Struct>> TOPICS = Field.array("Topics", MetadataResponseTopic.SCHEMA);
        public static final Field<Integer> CLUSTER_AUTHORIZED_OPERATIONS =
                Field.int32("ClusterAuthorizedOperations").versions(8, 10).defaultValue(-2147483648);
        public static final Schema SCHEMA = new Schema("MetadataResponse",
                THROTTLE_TIME_MS, BROKERS, CLUSTER_ID, CONTROLLER_ID, TOPICS, CLUSTER_AUTHORIZED_OPERATIONS);
    }

    public static final ApiSpec SPEC = ApiSpec.of(3, "Metadata", VersionRange.between(0, 8), VersionRange.from(9),
            Request.SCHEMA, Response.SCHEMA);
}
