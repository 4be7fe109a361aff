package io.ternmq.kafka.codec;

import io.netty.buffer.ByteBuf;

/**
 * Parses a request frame (the bytes after the int32 size) into its header and body. Stateless and thread-safe.
 *
 * <p>The header is read as v1 first (api key, version, correlation id, client id are laid out the same in v1 and
 * v2), which is enough to answer or refuse requests we do not serve; for a served version the v2 tagged fields and
 * the body follow. The whole frame must be consumed: trailing bytes are malformed.
 */
public final class RequestParser {
    private RequestParser() {
    }

    /**
     * @param frame the request bytes; read from its reader index. Not released here; RECORDS in the body are
     *              retained slices of it.
     * @throws MalformedKafkaMessageException if the header or body does not follow the schema
     */
    public static ParsedRequest parse(ByteBuf frame) {
        if (frame.readableBytes() < 8) {
            throw new MalformedKafkaMessageException("request header: frame of " + frame.readableBytes()
                    + " bytes is shorter than api key, version and correlation id");
        }
        short apiKeyId = frame.getShort(frame.readerIndex());
        short version = frame.getShort(frame.readerIndex() + 2);
        ApiKey api = ApiKey.forId(apiKeyId);
        if (api == null) {
            return new ParsedRequest.UnknownApi(RequestHeader.read(frame, 0));
        }
        if (!api.isSupported(version)) {
            RequestHeader header = RequestHeader.read(frame, 1);
            return new ParsedRequest.UnsupportedVersion(header, api, unsupportedReason(api, version));
        }
        RequestHeader header = RequestHeader.read(frame, api.requestHeaderVersion(version));
        ApiSpec spec = api.spec();
        MessageReader reader = new MessageReader(frame, spec.name() + " request", version, spec.isFlexible(version));
        Struct body = reader.readStruct(spec.request());
        try {
            reader.expectEnd();
        } catch (MalformedKafkaMessageException e) {
            body.releaseBuffers();
            throw e;
        }
        return new ParsedRequest.Decoded(header, api, body);
    }

    /** Reads a response body (used by tests and tools; the broker never reads responses). */
    public static Struct parseResponseBody(ApiKey api, short version, ByteBuf in) {
        ApiSpec spec = api.spec();
        MessageReader reader = new MessageReader(in, spec.name() + " response", version, spec.isFlexible(version));
        Struct body = reader.readStruct(spec.response());
        reader.expectEnd();
        return body;
    }

    private static String unsupportedReason(ApiKey api, short version) {
        if (api == ApiKey.PRODUCE && version >= 0 && version < api.spec().validVersions().lowest()) {
            return "Produce v" + version + " (message format v0/v1) is not supported; Produce v0-2 are advertised"
                    + " only so that librdkafka enables compression. Use a client that sends Produce v3 or later.";
        }
        return api.apiName() + " v" + version + " is not supported; advertised versions are "
                + api.advertisedMin() + "-" + api.advertisedMax();
    }
}
