package io.ternmq.broker.retry;

import io.ternmq.broker.message.AppendOutcome;

/**
 * Outcome of a send-back or a DLQ re-send.
 *
 * @param status         what happened
 * @param topic          the topic the copy is bound for ({@code %RETRY%group} or {@code %DLQ%group}), or null
 * @param messageId      broker id of the stored copy, or null
 * @param reconsumeTimes reconsume count of the copy
 * @param append         the append outcome when {@link SendBackStatus#APPEND_FAILED}, else null
 * @param detail         a human-readable reason for failures, else null
 */
public record SendBackResult(SendBackStatus status, String topic, String messageId, int reconsumeTimes,
                             AppendOutcome append, String detail) {
    static SendBackResult failed(SendBackStatus status, String detail) {
        return new SendBackResult(status, null, null, 0, null, detail);
    }

    public boolean ok() {
        return status == SendBackStatus.RETRY_SCHEDULED || status == SendBackStatus.MOVED_TO_DLQ;
    }
}
