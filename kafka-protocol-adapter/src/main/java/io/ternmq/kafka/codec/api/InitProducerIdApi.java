package io.ternmq.kafka.codec.api;

import io.ternmq.kafka.codec.ApiSpec;
import io.ternmq.kafka.codec.Field;
import io.ternmq.kafka.codec.Schema;
import io.ternmq.kafka.codec.VersionRange;

/**
 * InitProducerId (key 22), versions 0-1: request and response schemas with a typed {@link Field} handle per field.
 * Field order, types, versions, nullable versions, defaults and tags follow Kafka's
 * {@code InitProducerIdRequest.json} and
 * {@code InitProducerIdResponse.json}; fields that exist only outside versions 0-1 are left out.
 */
public final class InitProducerIdApi {
    private InitProducerIdApi() {
    }

    public static final class Request {
        private Request() {
        }

        public static final Field<String> TRANSACTIONAL_ID = Field.string("TransactionalId").nullable(0);
        public static final Field<Integer> TRANSACTION_TIMEOUT_MS = Field.int32("TransactionTimeoutMs");
        public static final Schema SCHEMA = new Schema("InitProducerIdRequest",
                TRANSACTIONAL_ID, TRANSACTION_TIMEOUT_MS);
    }

    public static final class Response {
        private Response() {
        }

        public static final Field<Integer> THROTTLE_TIME_MS = Field.int32("ThrottleTimeMs");
        public static final Field<Short> ERROR_CODE = Field.int16("ErrorCode");
        public static final Field<Long> PRODUCER_ID = Field.int64("ProducerId").defaultValue(-1L);
        public static final Field<Short> PRODUCER_EPOCH = Field.int16("ProducerEpoch");
        public static final Schema SCHEMA = new Schema("InitProducerIdResponse",
                THROTTLE_TIME_MS, ERROR_CODE, PRODUCER_ID, PRODUCER_EPOCH);
    }

    public static final ApiSpec SPEC =
            ApiSpec.of(22, "InitProducerId", VersionRange.between(0, 1), VersionRange.from(2),
            Request.SCHEMA, Response.SCHEMA);
}
