package io.ternmq.spring.core;

import java.time.Duration;

/**
 * No reply arrived for a {@link MQOperations#sendAndReceive} request in time. The request itself was sent (and may
 * still be processed); a reply that arrives later is dropped.
 */
public class ReplyTimeoutException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String correlationId;
    private final Duration timeout;

    public ReplyTimeoutException(String requestTopic, String replyTopic, String correlationId, Duration timeout) {
        super("no reply within " + timeout + " to the request sent to topic '" + requestTopic + "' (correlation id "
                + correlationId + ", replies expected on topic '" + replyTopic + "'); is a listener on '"
                + requestTopic + "' running and returning a value?");
        this.correlationId = correlationId;
        this.timeout = timeout;
    }

    /** The {@code mq_correlationId} of the request. */
    public String correlationId() {
        return correlationId;
    }

    public Duration timeout() {
        return timeout;
    }
}
