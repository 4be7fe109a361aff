package io.ternmq.kafka.codec;

import io.netty.buffer.ByteBuf;

/**
 * A Kafka request header.
 *
 * <pre>
 * v0: int16 api_key, int16 api_version, int32 correlation_id
 * v1: v0 + NULLABLE_STRING client_id (int16 length, -1 null; never compact, even in v2)
 * v2: v1 + TAGGED_FIELDS (used when the request version is flexible)
 * </pre>
 *
 * @param clientId the client id as sent; may be null (Kafka treats null as "")
 */
public record RequestHeader(short apiKey, short apiVersion, int correlationId, String clientId) {

    /** The client id, with null read as the empty string. */
    public String clientIdOrEmpty() {
        return clientId == null ? "" : clientId;
    }

    /** Reads a header of {@code headerVersion} (0, 1 or 2); unknown header tags are skipped. */
    public static RequestHeader read(ByteBuf in, int headerVersion) {
        MessageReader reader = new MessageReader(in, "request header", (short) headerVersion, false);
        short apiKey = reader.readInt16();
        short apiVersion = reader.readInt16();
        int correlationId = reader.readInt32();
        String clientId = null;
        if (headerVersion >= 1) {
            reader.enter("ClientId");
            int length = reader.readLength(true, true, "string");
            clientId = length < 0 ? null : reader.readUtf8(length);
            reader.leave();
        }
        if (headerVersion >= 2) {
            new MessageReader(in, "request header", (short) headerVersion, true).readStruct(NO_TAGS);
        }
        return new RequestHeader(apiKey, apiVersion, correlationId, clientId);
    }

    /** Writes this header as {@code headerVersion} (for tests and tools; the broker only reads headers). */
    public void write(ByteBuf out, int headerVersion) {
        out.writeShort(apiKey).writeShort(apiVersion).writeInt(correlationId);
        if (headerVersion >= 1) {
            if (clientId == null) {
                out.writeShort(-1);
            } else {
                byte[] utf8 = clientId.getBytes(java.nio.charset.StandardCharsets.UTF_8);
                out.writeShort(utf8.length).writeBytes(utf8);
            }
        }
        if (headerVersion >= 2) {
            out.writeByte(0); // no tagged fields
        }
    }

    /** A header's tagged-field section has no known tags. */
    private static final Schema NO_TAGS = new Schema("RequestHeaderTags");
}
