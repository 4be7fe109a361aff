package io.ternmq.kafka.codec;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.ternmq.kafka.codec.api.ApiVersionsApi.Response;

import java.util.ArrayList;
import java.util.List;

/**
 * The ApiVersions answers that do not depend on broker state: the advertised table, and the reply to an
 * ApiVersions version we do not know. That reply is written in the v0 body format with header v0, whatever
 * version was asked, with {@code UNSUPPORTED_VERSION} and our ApiVersions range, so the client can retry with a
 * version we know (kafka-compat.md rule 1); the connection stays open.
 */
public final class ApiVersionsFallback {
    private ApiVersionsFallback() {
    }

    /** One {@code ApiKeys} element per advertised API, in key order. */
    public static List<Struct> advertisedApiKeys() {
        List<Struct> keys = new ArrayList<>(ApiKey.values().length);
        for (ApiKey key : ApiKey.values()) {
            keys.add(apiVersion(key));
        }
        return keys;
    }

    /** A full ApiVersions response body: no error, every advertised API, no throttling, no features. */
    public static Struct advertisedResponse() {
        return new Struct(Response.SCHEMA)
                .set(Response.ERROR_CODE, KafkaError.NONE.code())
                .set(Response.API_KEYS, advertisedApiKeys());
    }

    /** The framed (size-prefixed) v0 UNSUPPORTED_VERSION reply to an ApiVersions request of an unknown version. */
    public static ByteBuf unsupportedVersionResponse(RequestHeader request, ByteBufAllocator alloc) {
        Struct body = new Struct(Response.SCHEMA)
                .set(Response.ERROR_CODE, KafkaError.UNSUPPORTED_VERSION.code())
                .set(Response.API_KEYS, List.of(apiVersion(ApiKey.API_VERSIONS)));
        return ResponseEncoder.encode(ApiKey.API_VERSIONS, (short) 0, 0, request.correlationId(), body, alloc, true);
    }

    private static Struct apiVersion(ApiKey key) {
        return new Struct(Response.ApiVersion.SCHEMA)
                .set(Response.ApiVersion.API_KEY, key.id())
                .set(Response.ApiVersion.MIN_VERSION, key.advertisedMin())
                .set(Response.ApiVersion.MAX_VERSION, key.advertisedMax());
    }
}
