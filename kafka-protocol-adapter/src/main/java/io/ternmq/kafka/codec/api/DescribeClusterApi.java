package io.ternmq.kafka.codec.api;

import io.ternmq.kafka.codec.ApiSpec;
import io.ternmq.kafka.codec.Field;
import io.ternmq.kafka.codec.Schema;
import io.ternmq.kafka.codec.Struct;
import io.ternmq.kafka.codec.VersionRange;

import java.util.List;

/**
 * DescribeCluster (key 60), versions 0-1: request and response schemas with a typed {@link Field} handle per field.
 * Field order, types, versions, nullable versions, defaults and tags follow Kafka's
 * {@code DescribeClusterRequest.json} and
 * {@code DescribeClusterResponse.json}; fields that exist only outside versions 0-1 are left out.
 */
public final class DescribeClusterApi {
    private DescribeClusterApi() {
    }

    public static final class Request {
        private Request() {
        }

        public static final Field<Boolean> INCLUDE_CLUSTER_AUTHORIZED_OPERATIONS =
                Field.bool("IncludeClusterAuthorizedOperations");
        public static final Field<Byte> ENDPOINT_TYPE = Field.int8("EndpointType").versions(1).defaultValue((byte) 1);
        public static final Schema SCHEMA = new Schema("DescribeClusterRequest",
                INCLUDE_CLUSTER_AUTHORIZED_OPERATIONS, ENDPOINT_TYPE);
    }

    public static final class Response {
        private Response() {
        }

        public static final class DescribeClusterBroker {
            private DescribeClusterBroker() {
            }

            public static final Field<Integer> BROKER_ID = Field.int32("BrokerId");
            public static final Field<String> HOST = Field.string("Host");
            public static final Field<Integer> PORT = Field.int32("Port");
            public static final Field<String> RACK = Field.string("Rack").nullable(0).defaultValue(null);
            public static final Schema SCHEMA = new Schema("DescribeClusterBroker", BROKER_ID, HOST, PORT, RACK);
        }

        public static final Field<Integer> THROTTLE_TIME_MS = Field.int32("ThrottleTimeMs");
        public static final Field<Short> ERROR_CODE = Field.int16("ErrorCode");
        public static final Field<String> ERROR_MESSAGE = Field.string("ErrorMessage").nullable(0).defaultValue(null);
        public static final Field<Byte> ENDPOINT_TYPE = Field.int8("EndpointType").versions(1).defaultValue((byte) 1);
        public static final Field<String> CLUSTER_ID = Field.string("ClusterId");
        public static final Field<Integer> CONTROLLER_ID = Field.int32("ControllerId").defaultValue(-1);
        public static final Field<List<Struct>> BROKERS = Field.array("Brokers", DescribeClusterBroker.SCHEMA);
        public static final Field<Integer> CLUSTER_AUTHORIZED_OPERATIONS =
                Field.int32("ClusterAuthorizedOperations").defaultValue(-2147483648);
        public static final Schema SCHEMA = new Schema("DescribeClusterResponse",
                THROTTLE_TIME_MS, ERROR_CODE, ERROR_MESSAGE, ENDPOINT_TYPE, CLUSTER_ID, CONTROLLER_ID, BROKERS,
                CLUSTER_AUTHORIZED_OPERATIONS);
    }

    public static final ApiSpec SPEC =
            ApiSpec.of(60, "DescribeCluster", VersionRange.between(0, 1), VersionRange.from(0),
            Request.SCHEMA, Response.SCHEMA);
}
