package io.ternmq.kafka.codec.api;

import io.netty.buffer.ByteBuf;
import io.ternmq.kafka.codec.ApiSpec;
import io.ternmq.kafka.codec.Field;
import io.ternmq.kafka.codec.Schema;
import io.ternmq.kafka.codec.Struct;
import io.ternmq.kafka.codec.VersionRange;

import java.util.List;

/**
 * Produce (key 0), versions 3-7: request and response schemas with a typed {@link Field} handle per field.
 * Field order, types, versions, nullable versions, defaults and tags follow Kafka's
 * {@code ProduceRequest.json} and
 * {@code ProduceResponse.json}; fields that exist only outside versions 3-7 are left out.
 */
public final class ProduceApi {
    private ProduceApi() {
    }

    public static final class Request {
        private Request() {
        }

        public static final class TopicProduceData {
            private TopicProduceData() {
            }

            public static final Field<String> NAME = Field.string("Name").versions(0, 12);
            public static final Field<List<Struct>> PARTITION_DATA =
                    Field.array("PartitionData", PartitionProduceData.SCHEMA);
            public static final Schema SCHEMA = new Schema("TopicProduceData", NAME, PARTITION_DATA);
        }

        public static final class PartitionProduceData {
            private PartitionProduceData() {
            }

            public static final Field<Integer> INDEX = Field.int32("Index");
            public static final Field<ByteBuf> RECORDS = Field.records("Records").nullable(0);
            public static final Schema SCHEMA = new Schema("PartitionProduceData", INDEX, RECORDS);
        }

        public static final Field<String> TRANSACTIONAL_ID =
                Field.string("TransactionalId").versions(3).nullable(3).defaultValue(null);
        public static final Field<Short> ACKS = Field.int16("Acks");
        public static final Field<Integer> TIMEOUT_MS = Field.int32("TimeoutMs");
        public static final Field<List<Struct>> TOPIC_DATA = Field.array("TopicData", TopicProduceData.SCHEMA);
        public static final Schema SCHEMA = new Schema("ProduceRequest",
                TRANSACTIONAL_ID, ACKS, TIMEOUT_MS, TOPIC_DATA);
    }

    public static final class Response {
        private Response() {
        }

        public static final class TopicProduceResponse {
            private TopicProduceResponse() {
            }

            public static final Field<String> NAME = Field.string("Name").versions(0, 12);
            public static final Field<List<Struct>> PARTITION_RESPONSES =
                    Field.array("PartitionResponses", PartitionProduceResponse.SCHEMA);
            public static final Schema SCHEMA = new Schema("TopicProduceResponse", NAME, PARTITION_RESPONSES);
        }

        public static final class PartitionProduceResponse {
            private PartitionProduceResponse() {
            }

            public static final Field<Integer> INDEX = Field.int32("Index");
            public static final Field<Short> ERROR_CODE = Field.int16("ErrorCode");
            public static final Field<Long> BASE_OFFSET = Field.int64("BaseOffset");
            public static final Field<Long> LOG_APPEND_TIME_MS =
                    Field.int64("LogAppendTimeMs").versions(2).defaultValue(-1L);
            public static final Field<Long> LOG_START_OFFSET =
                    Field.int64("LogStartOffset").versions(5).defaultValue(-1L);
            public static final Schema SCHEMA = new Schema("PartitionProduceResponse",
                    INDEX, ERROR_CODE, BASE_OFFSET, LOG_APPEND_TIME_MS, LOG_START_OFFSET);
        }

        public static final Field<List<Struct>> RESPONSES = Field.array("Responses", TopicProduceResponse.SCHEMA);
        public static final Field<Integer> THROTTLE_TIME_MS = Field.int32("ThrottleTimeMs").versions(1);
        public static final Schema SCHEMA = new Schema("ProduceResponse", RESPONSES, THROTTLE_TIME_MS);
    }

    public static final ApiSpec SPEC = ApiSpec.of(0, "Produce", VersionRange.between(3, 7), VersionRange.from(9),
            Request.SCHEMA, Response.SCHEMA);
}
