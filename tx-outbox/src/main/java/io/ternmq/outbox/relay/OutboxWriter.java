package io.ternmq.outbox.relay;

import io.ternmq.client.Message;
import io.ternmq.outbox.OutboxDatabase;

import java.time.Clock;
import java.util.Objects;

/**
 * Writes messages into the outbox table ({@code mq_outbox}) inside the caller's local transaction; the
 * {@link OutboxRelay} sends them after the transaction commits. Nothing is written or sent when it rolls back.
 *
 * <p>A row keeps everything {@link OutboxRelay} needs to rebuild the message: topic, tag, keys (space-separated),
 * user properties (a JSON object), body, and the delivery time (a delay level, or an absolute time in epoch
 * milliseconds: a relative delay counts from the append). It starts PENDING and due at once. Thread-safe.
 */
public final class OutboxWriter {
    private final OutboxDatabase db;
    private final OutboxMapper mapper;
    private final Clock clock;

    public OutboxWriter(OutboxDatabase db, Clock clock) {
        this.db = Objects.requireNonNull(db, "db");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.mapper = db.mapper(OutboxMapper.class);
    }

    /**
     * Appends {@code message} to the outbox in the calling thread's transaction and returns the row id.
     *
     * @param hashKey null, or an ordering key: rows with the same key are sent one at a time, in id order, to the
     *                queue the key hashes to
     * @throws IllegalStateException    when the calling thread is not in a transaction of the database: a row
     *                                  written outside one would be sent even if the business change failed
     * @throws IllegalArgumentException when a field does not fit its column (tag over 255 characters, keys over
     *                                  1024, hash key over 255, properties over 64 KiB)
     */
    public long append(Message message, String hashKey) {
        Objects.requireNonNull(message, "message");
        if (!db.inTransaction()) {
            throw new IllegalStateException("OutboxWriter.append(" + message.topic() + ") must run inside the local "
                    + "transaction of the business change; there is none on this thread");
        }
        OutboxInsert row = OutboxMessages.toInsert(message, hashKey, clock.instant());
        mapper.insert(row);
        return row.getId();
    }
}
