package io.ternmq.broker.remoting;

import io.ternmq.broker.message.AppendOutcome;
import io.ternmq.broker.retry.SendBackResult;
import io.ternmq.broker.store.AppendStatus;
import io.ternmq.broker.store.ReadStatus;
import io.ternmq.broker.topic.TopicCheck;
import io.ternmq.broker.tx.EndStatus;
import io.ternmq.protocol.ErrorCode;
import io.ternmq.protocol.command.Pull;

/**
 * The one place where the core's expected outcomes become native protocol codes. Every handler goes through here,
 * so a status means the same thing whichever command reports it.
 */
public final class ErrorMapping {
    private ErrorMapping() {
    }

    public static ErrorCode of(AppendStatus status) {
        return switch (status) {
            case PUT_OK -> ErrorCode.SUCCESS;
            case FLUSH_DISK_TIMEOUT -> ErrorCode.FLUSH_DISK_TIMEOUT;
            case MESSAGE_TOO_LARGE -> ErrorCode.MESSAGE_TOO_LARGE;
            case MESSAGE_ILLEGAL -> ErrorCode.MESSAGE_ILLEGAL;
            case DISK_FULL -> ErrorCode.DISK_FULL;
            case SERVICE_NOT_AVAILABLE -> ErrorCode.SERVICE_NOT_AVAILABLE;
        };
    }

    public static ErrorCode of(TopicCheck check) {
        return switch (check) {
            case OK -> ErrorCode.SUCCESS;
            case ILLEGAL_NAME -> ErrorCode.MESSAGE_ILLEGAL;
            case NOT_EXIST -> ErrorCode.TOPIC_NOT_EXIST;
            case NO_PERMISSION -> ErrorCode.NO_PERMISSION;
            case QUEUE_NOT_EXIST -> ErrorCode.QUEUE_NOT_EXIST;
        };
    }

    public static ErrorCode of(EndStatus status) {
        return switch (status) {
            case OK -> ErrorCode.SUCCESS;
            case NOT_FOUND -> ErrorCode.QUERY_NOT_FOUND;
            case GROUP_MISMATCH, CONFLICT -> ErrorCode.INVALID_ARGUMENT;
            case STORE_FAILED -> ErrorCode.SERVICE_NOT_AVAILABLE;
        };
    }

    /** The error reply for a failed topic check, with a message naming topic and queue. */
    public static Reply reply(TopicCheck check, String topic, int queueId) {
        String message = switch (check) {
            case OK -> throw new IllegalArgumentException("not an error");
            case ILLEGAL_NAME -> "illegal topic name '" + topic + "'";
            case NOT_EXIST -> "topic " + topic + " does not exist";
            case NO_PERMISSION -> "topic " + topic + " does not allow this operation";
            case QUEUE_NOT_EXIST -> "queue " + queueId + " of topic " + topic + " does not exist";
        };
        return Reply.error(of(check), message);
    }

    /**
     * The PULL status for a read outcome. A queue the store has never seen is simply empty: a pull at offset 0
     * waits for its first message, any other offset is moved back to 0.
     */
    public static Pull.Status of(ReadStatus status, long requestedOffset) {
        return switch (status) {
            case FOUND -> Pull.Status.FOUND;
            case NO_NEW_MESSAGE -> Pull.Status.NO_NEW_MESSAGE;
            case NO_MATCHED_MESSAGE -> Pull.Status.NO_MATCHED_MESSAGE;
            case OFFSET_TOO_SMALL, OFFSET_OVERFLOW -> Pull.Status.OFFSET_MOVED;
            case NO_SUCH_QUEUE -> requestedOffset == 0 ? Pull.Status.NO_NEW_MESSAGE : Pull.Status.OFFSET_MOVED;
        };
    }

    /** The error reply for an append that did not store its messages. */
    public static Reply reply(AppendOutcome failed, String topic, int queueId) {
        if (failed.topicCheck() != TopicCheck.OK) {
            return reply(failed.topicCheck(), topic, queueId);
        }
        AppendStatus status = failed.result().status();
        String message = failed.result().errorMessage();
        return Reply.error(of(status), message != null ? message : status.name());
    }

    /** The error reply for a send-back or DLQ re-send that failed. */
    public static Reply reply(SendBackResult failed) {
        return switch (failed.status()) {
            case RETRY_SCHEDULED, MOVED_TO_DLQ -> throw new IllegalArgumentException("not an error");
            case MESSAGE_NOT_FOUND -> Reply.error(ErrorCode.QUERY_NOT_FOUND, failed.detail());
            case INVALID_GROUP, NOT_IN_DLQ -> Reply.error(ErrorCode.INVALID_ARGUMENT, failed.detail());
            case APPEND_FAILED -> reply(failed.append(), failed.topic(), 0);
        };
    }
}
