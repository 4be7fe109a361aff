package io.ternmq.outbox.relay;

import io.ternmq.client.Message;
import io.ternmq.outbox.OutboxDatabase;

import java.time.Clock;

/**
 * Writes messages into the outbox table ({@code mq_outbox}) inside the caller's local transaction; the
 * {@link OutboxRelay} sends them after the transaction commits. Nothing is written or sent when it rolls back.
 */
public final class OutboxWriter {
    public OutboxWriter(OutboxDatabase db, Clock clock) {
        throw new UnsupportedOperationException("TODO");
    }

    /**
     * Appends {@code message} to the outbox in the calling thread's transaction and returns the row id.
     *
     * @param hashKey null, or an ordering key: rows with the same key are sent one at a time, in id order, to the
     *                queue the key hashes to
     */
    public long append(Message message, String hashKey) {
        throw new UnsupportedOperationException("TODO");
    }
}
