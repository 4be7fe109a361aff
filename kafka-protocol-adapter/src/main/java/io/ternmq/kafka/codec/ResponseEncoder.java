package io.ternmq.kafka.codec;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;

/**
 * Encodes a response (header + body) for a request. Stateless and thread-safe.
 *
 * <pre>
 * frame:              int32 size, then the response
 * response header v0: int32 correlation_id
 * response header v1: int32 correlation_id, TAGGED_FIELDS   (flexible versions, except ApiVersions)
 * </pre>
 *
 * RECORDS fields of the body are linked, not copied (see {@link MessageWriter}); the encoder retains them, so the
 * caller still releases its own references (e.g. with {@link Struct#releaseBuffers()}) after encoding.
 */
public final class ResponseEncoder {
    private ResponseEncoder() {
    }

    /** Header and body, without the size prefix. */
    public static ByteBuf encode(RequestHeader request, Struct body, ByteBufAllocator alloc) {
        return encode(request, body, alloc, false);
    }

    /** Size prefix, header and body: ready to write to the channel. */
    public static ByteBuf encodeFrame(RequestHeader request, Struct body, ByteBufAllocator alloc) {
        return encode(request, body, alloc, true);
    }

    private static ByteBuf encode(RequestHeader request, Struct body, ByteBufAllocator alloc, boolean framed) {
        ApiKey api = ApiKey.forId(request.apiKey());
        if (api == null) {
            throw new IllegalArgumentException("no response schema for api key " + request.apiKey());
        }
        short version = request.apiVersion();
        return encode(api, version, api.responseHeaderVersion(version), request.correlationId(), body, alloc, framed);
    }

    static ByteBuf encode(ApiKey api, short version, int headerVersion, int correlationId, Struct body,
                          ByteBufAllocator alloc, boolean framed) {
        ApiSpec spec = api.spec();
        if (body.schema() != spec.response()) {
            throw new IllegalArgumentException("a " + body.schema().name() + " is not a " + spec.name() + " response");
        }
        MessageWriter writer = new MessageWriter(alloc, spec.name() + " response", version, spec.isFlexible(version));
        ByteBuf out;
        try {
            if (framed) {
                writer.writeInt32(0); // the size, set below
            }
            writer.writeInt32(correlationId);
            if (headerVersion >= 1) {
                writer.writeUnsignedVarint(0); // no header tags
            }
            writer.writeStruct(body);
            out = writer.finish();
        } catch (RuntimeException e) {
            writer.discard();
            throw e;
        }
        if (framed) {
            out.setInt(out.readerIndex(), out.readableBytes() - 4);
        }
        return out;
    }

    /** Writes a bare body (no header), for tests and tools. */
    public static ByteBuf encodeBody(Schema schema, ApiSpec spec, short version, Struct body, ByteBufAllocator alloc) {
        MessageWriter writer = new MessageWriter(alloc, schema.name(), version, spec.isFlexible(version));
        try {
            writer.writeStruct(body);
            return writer.finish();
        } catch (RuntimeException e) {
            writer.discard();
            throw e;
        }
    }
}
