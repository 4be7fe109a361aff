package io.ternmq.protocol;

import java.util.HashMap;
import java.util.Map;

/**
 * The one map between status codes on the wire and their meaning. A response frame carries one of these in
 * its status field; anything but {@link #SUCCESS} comes with a UTF-8 message as the body. The error table in
 * {@code docs/protocol.md} is generated from this enum ({@link ErrorCodeTable}).
 */
public enum ErrorCode {
    SUCCESS(0, false, "The request succeeded."),
    SYSTEM_ERROR(1, true, "Unexpected broker-side failure; the message says what."),
    SYSTEM_BUSY(2, true, "The broker is overloaded; retry after a short pause."),
    UNSUPPORTED_COMMAND(3, false, "The command code is unknown to this broker."),
    UNSUPPORTED_VERSION(4, false, "No protocol version in common, or a frame used a version the broker does not speak."),
    MALFORMED_REQUEST(5, false, "The request body could not be decoded (truncated, garbled or out-of-range field)."),
    FRAME_TOO_LARGE(6, false, "The frame is larger than the broker's maxFrameSize; the connection is closed."),
    FLUSH_DISK_TIMEOUT(10, true, "Written, but the fsync did not complete in time (SYNC_FLUSH): the outcome is unknown."),
    SERVICE_NOT_AVAILABLE(14, true, "The broker is shutting down or its store is not writable."),
    MESSAGE_ILLEGAL(13, false, "The message is invalid: topic name, queue id, properties or empty batch."),
    MESSAGE_TOO_LARGE(15, false, "A message or batch exceeds maxMessageSize."),
    NO_PERMISSION(16, false, "The topic does not allow this operation (perm)."),
    TOPIC_NOT_EXIST(17, false, "The topic does not exist and auto-creation is off."),
    DISK_FULL(18, true, "Disk usage is past diskSpaceWarningLevelRatio; writes are rejected, reads go on."),
    PULL_NOT_FOUND(19, false, "No new message in the queue within the pull's max wait."),
    PULL_OFFSET_MOVED(21, false, "The requested offset is out of range; the response says where to continue."),
    QUERY_NOT_FOUND(22, false, "No message, offset or group matches the query."),
    SUBSCRIPTION_ILLEGAL(23, false, "The subscription expression is invalid."),
    QUEUE_NOT_EXIST(24, false, "The queue id is out of the topic's range."),
    INVALID_ARGUMENT(25, false, "A request field has an invalid value; the message says which.");

    private static final Map<Integer, ErrorCode> BY_CODE = new HashMap<>();

    static {
        for (ErrorCode e : values()) {
            if (BY_CODE.put(e.code, e) != null) {
                throw new IllegalStateException("duplicate error code " + e.code);
            }
        }
    }

    private final int code;
    private final boolean retriable;
    private final String description;

    ErrorCode(int code, boolean retriable, String description) {
        this.code = code;
        this.retriable = retriable;
        this.description = description;
    }

    public int code() {
        return code;
    }

    /** Whether a client may retry the same request (possibly to another queue) with a chance of success. */
    public boolean retriable() {
        return retriable;
    }

    public String description() {
        return description;
    }

    /** The error for a wire code; unknown codes (from a newer broker) map to {@link #SYSTEM_ERROR}. */
    public static ErrorCode forCode(int code) {
        return BY_CODE.getOrDefault(code, SYSTEM_ERROR);
    }
}
