package io.ternmq.kafka.server.handler;

import io.ternmq.kafka.codec.ApiVersionsFallback;
import io.ternmq.kafka.codec.KafkaError;
import io.ternmq.kafka.codec.Struct;
import io.ternmq.kafka.codec.api.ApiVersionsApi;
import io.ternmq.kafka.server.ApiHandler;
import io.ternmq.kafka.server.ApiHandlers;
import io.ternmq.kafka.server.RequestContext;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * ApiVersions (18): the advertised version ranges of the APIs that have a handler in the table (an API advertised
 * but not served would make clients fail instead of falling back), no throttling, no features (so Java clients use
 * transactions V1). Allowed before SASL authentication. Unknown versions never get here: the processor answers them
 * in the v0 format.
 */
public final class ApiVersionsHandler implements ApiHandler {
    private final ApiHandlers table;

    public ApiVersionsHandler(ApiHandlers table) {
        this.table = table;
    }

    @Override
    public CompletableFuture<Struct> handle(RequestContext context, Struct request) {
        List<Struct> served = ApiVersionsFallback.advertisedApiKeys().stream()
                .filter(key -> table.served().stream()
                        .anyMatch(api -> api.id() == key.get(ApiVersionsApi.Response.ApiVersion.API_KEY)))
                .toList();
        return CompletableFuture.completedFuture(new Struct(ApiVersionsApi.Response.SCHEMA)
                .set(ApiVersionsApi.Response.ERROR_CODE, KafkaError.NONE.code())
                .set(ApiVersionsApi.Response.API_KEYS, served)
                .set(ApiVersionsApi.Response.THROTTLE_TIME_MS, 0));
    }
}
