package io.ternmq.kafka.codec;

/**
 * What {@link RequestParser} made of one request frame. Malformed frames are not an outcome but a
 * {@link MalformedKafkaMessageException}: the connection is out of sync and is closed.
 */
public sealed interface ParsedRequest {

    /** The header as far as it could be read: api key, version and correlation id are always there. */
    RequestHeader header();

    /**
     * A request we serve, decoded. The body may hold retained slices of the frame (Produce records): call
     * {@link #release()} once the request is handled.
     */
    record Decoded(RequestHeader header, ApiKey api, Struct body) implements ParsedRequest {
        public short version() {
            return header.apiVersion();
        }

        public void release() {
            body.releaseBuffers();
        }
    }

    /**
     * A known API at a version we do not serve. For ApiVersions the broker answers with
     * {@link ApiVersionsFallback#unsupportedVersionResponse}; for any other API Kafka closes the connection.
     *
     * @param reason why, for the log (e.g. Produce v0-2 are advertised for librdkafka's sake but rejected)
     */
    record UnsupportedVersion(RequestHeader header, ApiKey api, String reason) implements ParsedRequest {
    }

    /** An API key we do not serve (and did not advertise); the connection is closed like Kafka does. */
    record UnknownApi(RequestHeader header) implements ParsedRequest {
    }
}
