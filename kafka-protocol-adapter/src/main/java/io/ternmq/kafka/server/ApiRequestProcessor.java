package io.ternmq.kafka.server;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.ternmq.kafka.codec.ApiKey;
import io.ternmq.kafka.codec.ApiVersionsFallback;
import io.ternmq.kafka.codec.MalformedKafkaMessageException;
import io.ternmq.kafka.codec.ParsedRequest;
import io.ternmq.kafka.codec.RequestParser;
import io.ternmq.kafka.codec.ResponseEncoder;
import io.ternmq.kafka.codec.Struct;

import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * The Kafka {@link RequestProcessor}: parses the frame (on the event loop: header and body parsing is cheap and
 * record batches stay zero-copy slices), applies the rules that hold for every API, and runs the API's
 * {@link ApiHandler} on the worker executor, one request at a time per connection ({@link SerialExecutor}).
 *
 * <ul>
 *   <li>Unknown API key, or an API without a handler → close (Kafka's behaviour; such keys are not advertised).</li>
 *   <li>Unsupported version → ApiVersions gets the v0-format UNSUPPORTED_VERSION reply and the connection stays
 *       open; any other API → close.</li>
 *   <li>Malformed frame → close (the stream cannot be trusted any more).</li>
 *   <li>SASL on and not authenticated → only ApiVersions, SaslHandshake and SaslAuthenticate are served; anything
 *       else closes the connection. After SaslHandshake v0 the frames are raw SASL tokens
 *       ({@link RawSaslTokens}).</li>
 *   <li>A handler that throws or fails → logged, connection closed. Never a stuck connection.</li>
 * </ul>
 *
 * <p>Thread-safe: shared by all connections.
 */
public final class ApiRequestProcessor implements RequestProcessor {
    private static final System.Logger LOG = System.getLogger(ApiRequestProcessor.class.getName());
    private static final Set<ApiKey> BEFORE_AUTHENTICATION = EnumSet.of(ApiKey.API_VERSIONS, ApiKey.SASL_HANDSHAKE,
            ApiKey.SASL_AUTHENTICATE);

    private final ApiHandlers handlers;
    private final Executor workers;
    private final ByteBufAllocator alloc;

    /**
     * @param handlers the handler table
     * @param workers  where handlers run (never a network event loop)
     * @param alloc    allocator of response buffers
     */
    public ApiRequestProcessor(ApiHandlers handlers, Executor workers, ByteBufAllocator alloc) {
        this.handlers = handlers;
        this.workers = workers;
        this.alloc = alloc;
    }

    @Override
    public CompletableFuture<Reply> process(KafkaConnection connection, ByteBuf frame) {
        ParsedRequest parsed;
        try {
            if (connection.authState() == AuthState.AWAITING_RAW_TOKEN) {
                return CompletableFuture.completedFuture(RawSaslTokens.evaluate(connection, frame, alloc));
            }
            parsed = RequestParser.parse(frame);
        } catch (MalformedKafkaMessageException e) {
            return done(Reply.close("malformed request: " + e.getMessage()));
        } finally {
            // parsed bodies hold their own retained slices of the frame
            frame.release();
        }
        if (parsed instanceof ParsedRequest.UnknownApi unknown) {
            return done(Reply.close("unknown API key " + unknown.header().apiKey()));
        }
        if (parsed instanceof ParsedRequest.UnsupportedVersion unsupported) {
            if (unsupported.api() == ApiKey.API_VERSIONS) {
                ByteBuf framed = ApiVersionsFallback.unsupportedVersionResponse(unsupported.header(), alloc);
                return done(Reply.respond(framed.skipBytes(RequestFrameDecoder.SIZE_FIELD)));
            }
            return done(Reply.close(unsupported.reason()));
        }
        ParsedRequest.Decoded request = (ParsedRequest.Decoded) parsed;
        connection.clientId(request.header().clientIdOrEmpty());
        ApiHandler handler = handlers.get(request.api());
        String refusal = handler == null ? request.api().apiName() + " is not served by this broker"
                : !connection.authenticated() && !BEFORE_AUTHENTICATION.contains(request.api())
                ? request.api().apiName() + " before SASL authentication completed" : null;
        if (refusal != null) {
            request.release();
            return done(Reply.close(refusal));
        }
        RequestContext context = new RequestContext(connection, request.header(), request.api());
        CompletableFuture<Reply> reply = new CompletableFuture<>();
        try {
            // in arrival order per connection (see SerialExecutor), in parallel across connections
            connection.requestExecutor(workers).execute(() -> run(handler, context, request, reply));
        } catch (RejectedExecutionException e) {
            request.release();
            return done(Reply.close("broker busy: Kafka request queue full"));
        }
        return reply;
    }

    private void run(ApiHandler handler, RequestContext context, ParsedRequest.Decoded request,
                     CompletableFuture<Reply> reply) {
        CompletableFuture<Struct> response;
        try {
            response = handler.handle(context, request.body());
        } catch (RuntimeException e) {
            response = CompletableFuture.failedFuture(e);
        }
        response.whenComplete((body, error) -> {
            request.release();
            try {
                reply.complete(error == null ? encode(context, body) : failed(context, error));
            } catch (RuntimeException e) {
                reply.complete(failed(context, e));
            } finally {
                if (body != null) {
                    // the encoder linked (and retained) the RECORDS buffers of a response (Fetch); drop the
                    // handler's own references
                    body.releaseBuffers();
                }
            }
        });
    }

    private Reply encode(RequestContext context, Struct body) {
        if (context.responseSuppressed()) {
            // Produce with acks=0: no response; a failed partition closes the connection, as Kafka does, since the
            // client has no other way to learn of it
            return context.closeReason() == null ? Reply.none() : Reply.close(context.closeReason());
        }
        ByteBuf payload = ResponseEncoder.encode(context.header(), body, alloc);
        return context.closeReason() == null ? Reply.respond(payload)
                : Reply.respondThenClose(payload, context.closeReason());
    }

    private static Reply failed(RequestContext context, Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        LOG.log(System.Logger.Level.ERROR, "Kafka " + context.api().apiName() + " v" + context.version()
                + " from " + context.connection() + " failed", cause);
        return Reply.close(context.api().apiName() + " failed: " + cause);
    }

    private static CompletableFuture<Reply> done(Reply reply) {
        return CompletableFuture.completedFuture(reply);
    }
}
