package io.ternmq.kafka.server.handler;

import io.ternmq.kafka.codec.KafkaError;
import io.ternmq.kafka.codec.Struct;
import io.ternmq.kafka.codec.api.InitProducerIdApi.Request;
import io.ternmq.kafka.codec.api.InitProducerIdApi.Response;
import io.ternmq.kafka.producer.ProducerIdAllocator;
import io.ternmq.kafka.server.ApiHandler;
import io.ternmq.kafka.server.RequestContext;

import java.util.concurrent.CompletableFuture;

/**
 * InitProducerId (22), v0-1: an idempotent producer ({@code transactional_id} null) gets a fresh producer id with
 * epoch 0, as Kafka hands out without a transactional id; ids are never reused, across restarts too
 * ({@link ProducerIdAllocator}).
 *
 * <p>Kafka transactions are not supported yet, so a transactional id is refused with
 * TRANSACTIONAL_ID_AUTHORIZATION_FAILED (53). Why that code: it is the one error every client treats as final for
 * InitProducerId and explains in its own words (Java: {@code TransactionalIdAuthorizationException}, the producer
 * enters a fatal state; librdkafka: a fatal error). The alternatives are worse: the coordinator errors
 * (COORDINATOR_NOT_AVAILABLE, NOT_COORDINATOR, CONCURRENT_TRANSACTIONS) are retriable, so a transactional producer
 * would retry until its {@code max.block.ms} and then time out with no hint; UNSUPPORTED_VERSION would claim the
 * broker cannot speak the API version, which is not the problem and sends people looking at client versions.
 */
public final class InitProducerIdHandler implements ApiHandler {
    private final ProducerIdAllocator producerIds;

    public InitProducerIdHandler(ProducerIdAllocator producerIds) {
        this.producerIds = producerIds;
    }

    @Override
    public CompletableFuture<Struct> handle(RequestContext context, Struct request) {
        Struct response = new Struct(Response.SCHEMA).set(Response.THROTTLE_TIME_MS, 0);
        if (request.get(Request.TRANSACTIONAL_ID) != null) {
            return CompletableFuture.completedFuture(response
                    .set(Response.ERROR_CODE, KafkaError.TRANSACTIONAL_ID_AUTHORIZATION_FAILED.code())
                    .set(Response.PRODUCER_ID, -1L)
                    .set(Response.PRODUCER_EPOCH, (short) -1));
        }
        return CompletableFuture.completedFuture(response
                .set(Response.ERROR_CODE, KafkaError.NONE.code())
                .set(Response.PRODUCER_ID, producerIds.allocate())
                .set(Response.PRODUCER_EPOCH, (short) 0));
    }
}
