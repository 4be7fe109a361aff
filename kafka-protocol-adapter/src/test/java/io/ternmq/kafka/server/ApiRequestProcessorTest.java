package io.ternmq.kafka.server;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import io.ternmq.kafka.codec.ApiKey;
import io.ternmq.kafka.codec.KafkaError;
import io.ternmq.kafka.codec.RequestHeader;
import io.ternmq.kafka.codec.RequestParser;
import io.ternmq.kafka.codec.Struct;
import io.ternmq.kafka.codec.api.ApiVersionsApi;
import io.ternmq.kafka.server.handler.ApiVersionsHandler;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The rules every request goes through before and after its handler. */
class ApiRequestProcessorTest {
    private final ApiHandlers table = new ApiHandlers();
    private final ApiRequestProcessor processor = new ApiRequestProcessor(table, Runnable::run,
            ByteBufAllocator.DEFAULT);

    ApiRequestProcessorTest() {
        table.register(ApiKey.API_VERSIONS, new ApiVersionsHandler(table))
                .register(ApiKey.METADATA, (context, request) -> {
                    throw new IllegalStateException("bug in a handler");
                });
    }

    private static ByteBuf request(int apiKey, int version, int headerVersion, int correlationId, byte... body) {
        ByteBuf frame = Unpooled.buffer();
        new RequestHeader((short) apiKey, (short) version, correlationId, "test").write(frame, headerVersion);
        return frame.writeBytes(body);
    }

    private Reply process(KafkaConnection connection, ByteBuf frame) {
        CompletableFuture<Reply> reply = processor.process(connection, frame);
        assertTrue(reply.isDone(), "a direct executor answers at once");
        assertEquals(0, frame.refCnt(), "the processor releases the frame");
        return reply.join();
    }

    @Test
    void apiVersionsAdvertisesOnlyTheApisThatHaveAHandler() {
        Reply reply = process(new KafkaConnection("test", false), request(18, 2, 1, 41));
        ByteBuf payload = reply.payload();
        assertEquals(41, payload.readInt());
        Struct body = RequestParser.parseResponseBody(ApiKey.API_VERSIONS, (short) 2, payload);
        payload.release();
        assertEquals(KafkaError.NONE.code(), body.get(ApiVersionsApi.Response.ERROR_CODE));
        List<Short> keys = body.get(ApiVersionsApi.Response.API_KEYS).stream()
                .map(k -> k.get(ApiVersionsApi.Response.ApiVersion.API_KEY)).toList();
        assertEquals(List.of((short) 3, (short) 18), keys);
    }

    @Test
    void anUnknownApiVersionsVersionGetsTheV0UnsupportedVersionReplyAndStaysOpen() {
        Reply reply = process(new KafkaConnection("test", false), request(18, 99, 1, 5));
        assertFalse(reply.closeAfter());
        ByteBuf payload = reply.payload();
        assertEquals(5, payload.readInt());
        Struct body = RequestParser.parseResponseBody(ApiKey.API_VERSIONS, (short) 0, payload);
        payload.release();
        assertEquals(KafkaError.UNSUPPORTED_VERSION.code(), body.get(ApiVersionsApi.Response.ERROR_CODE));
    }

    @Test
    void unknownKeysUnsupportedVersionsAndUnservedApisClose() {
        KafkaConnection connection = new KafkaConnection("test", false);
        assertTrue(process(connection, request(9999, 0, 1, 1)).closeAfter(), "unknown key");
        assertTrue(process(connection, request(3, 99, 1, 2)).closeAfter(), "Metadata v99");
        assertTrue(process(connection, request(19, 2, 1, 3)).closeAfter(), "CreateTopics has no handler here");
    }

    @Test
    void aHandlerExceptionClosesTheConnectionWithoutAResponse() {
        // Metadata v1 with topics = null
        Reply reply = process(new KafkaConnection("test", false), request(3, 1, 1, 9, (byte) 0xff, (byte) 0xff,
                (byte) 0xff, (byte) 0xff));
        assertTrue(reply.closeAfter());
        assertNull(reply.payload());
    }

    @Test
    void aTruncatedBodyIsMalformedAndCloses() {
        assertTrue(process(new KafkaConnection("test", false), request(3, 1, 1, 9, (byte) 0)).closeAfter());
    }

    @Test
    void beforeSaslAuthenticationOnlyApiVersionsIsServedHere() {
        KafkaConnection connection = new KafkaConnection("test", true);
        Reply versions = process(connection, request(18, 2, 1, 1));
        assertFalse(versions.closeAfter());
        versions.payload().release();
        Reply metadata = process(connection, request(3, 1, 1, 2, (byte) 0xff, (byte) 0xff, (byte) 0xff,
                (byte) 0xff));
        assertTrue(metadata.closeAfter());
        assertTrue(metadata.reason().contains("before SASL authentication"), metadata.reason());
    }
}
