package io.ternmq.broker.store.commitlog;

import io.ternmq.broker.store.AppendRequest;
import io.ternmq.broker.store.AppendResult;
import io.ternmq.broker.store.AppendStatus;

/**
 * Checks an append before anything is written, so a rejected append leaves no trace. Limits: each body and the
 * sum of bodies of an entry at most {@code maxMessageSize}; the encoded record must fit in one segment; topic
 * names 1..255 chars of {@code [A-Za-z0-9_%|.-]}; properties at most {@value RecordEncoder#MAX_PROPERTIES_BYTES}
 * bytes per message.
 */
public final class EntryValidator {
    public static final int MAX_TOPIC_LENGTH = 255;

    private final int maxMessageSize;
    private final long segmentSize;

    public EntryValidator(int maxMessageSize, long segmentSize) {
        this.maxMessageSize = maxMessageSize;
        this.segmentSize = segmentSize;
    }

    /** @return null when the request may be appended, else the rejection */
    public AppendResult checkRequest(AppendRequest request) {
        if (request.messages().isEmpty()) {
            return AppendResult.rejected(AppendStatus.MESSAGE_ILLEGAL, "empty batch: an append needs at least one message");
        }
        String topicProblem = topicProblem(request.topic());
        if (topicProblem != null) {
            return AppendResult.rejected(AppendStatus.MESSAGE_ILLEGAL, topicProblem);
        }
        if (request.queueId() < 0) {
            return AppendResult.rejected(AppendStatus.MESSAGE_ILLEGAL, "queueId must be >= 0, was " + request.queueId());
        }
        for (int i = 0; i < request.messages().size(); i++) {
            int bodyLength = request.bodyLength(i);
            if (bodyLength > maxMessageSize) {
                return AppendResult.rejected(AppendStatus.MESSAGE_TOO_LARGE, "message " + i + " body is "
                        + bodyLength + " bytes, maxMessageSize is " + maxMessageSize);
            }
        }
        return null;
    }

    /** @return null when the prepared entry fits the limits, else the rejection */
    public AppendResult checkPrepared(PreparedEntry entry) {
        for (int i = 0; i < entry.propertyBytes.length; i++) {
            if (entry.propertyBytes[i].length > RecordEncoder.MAX_PROPERTIES_BYTES) {
                return AppendResult.rejected(AppendStatus.MESSAGE_ILLEGAL, "message " + i + " properties exceed "
                        + RecordEncoder.MAX_PROPERTIES_BYTES + " bytes");
            }
        }
        if (entry.bodyBytes > maxMessageSize) {
            return AppendResult.rejected(AppendStatus.MESSAGE_TOO_LARGE, "batch entry bodies total " + entry.bodyBytes
                    + " bytes, maxMessageSize is " + maxMessageSize);
        }
        if ((long) entry.totalSize + RecordEncoder.BLANK_SIZE > segmentSize) {
            return AppendResult.rejected(AppendStatus.MESSAGE_TOO_LARGE, "entry of " + entry.totalSize
                    + " bytes does not fit a CommitLog segment of " + segmentSize + " bytes");
        }
        return null;
    }

    static String topicProblem(String topic) {
        if (topic.isEmpty()) {
            return "topic name is empty";
        }
        if (topic.length() > MAX_TOPIC_LENGTH) {
            return "topic name longer than " + MAX_TOPIC_LENGTH + " characters";
        }
        for (int i = 0; i < topic.length(); i++) {
            char c = topic.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '_' || c == '%' || c == '|' || c == '-' || c == '.';
            if (!ok) {
                return "topic name contains illegal character '" + c + "' (allowed: A-Z a-z 0-9 _ % | - .)";
            }
        }
        return null;
    }
}
