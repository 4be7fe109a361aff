package io.ternmq.outbox.relay;

import io.ternmq.client.Message;
import io.ternmq.client.producer.Producer;
import io.ternmq.client.producer.SendResult;
import io.ternmq.outbox.OutboxDatabase;
import io.ternmq.outbox.UtcTime;

import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One polling round of {@link OutboxRelay}, in one READ COMMITTED transaction: lock due PENDING rows
 * ({@code FOR UPDATE SKIP LOCKED}), send them in id order, mark each SENT after its acknowledgement, commit.
 *
 * <p>Per-key order: a row with a hash key is sent only when no earlier row of that key is unsent (PENDING, including
 * one waiting for its retry or locked by another relay, or FAILED). The check reads committed rows plus this round's
 * own updates, so several rows of one key go out in one round when nothing holds them back.
 *
 * <p>A failed send records the attempt and ends the round: when the broker is unreachable every further row would
 * wait for its own send timeout while the round holds its locks. The rows not tried yet are untouched and come
 * again in the next round; the failed row waits for its back-off.
 */
final class RelayRound {
    private static final System.Logger LOG = System.getLogger(OutboxRelay.class.getName());
    private static final int MAX_ERROR = 1024;

    private final OutboxDatabase db;
    private final OutboxMapper mapper;
    private final Producer producer;
    private final Clock clock;
    private final int batchSize;
    private final int maxAttempts;
    private final Backoff backoff;

    RelayRound(OutboxDatabase db, Producer producer, Clock clock, int batchSize, int maxAttempts, Backoff backoff) {
        this.db = db;
        this.mapper = db.mapper(OutboxMapper.class);
        this.producer = producer;
        this.clock = clock;
        this.batchSize = batchSize;
        this.maxAttempts = maxAttempts;
        this.backoff = backoff;
    }

    /** Runs one round; returns how many rows were sent and marked SENT. */
    int run() {
        return db.inTransaction(() -> {
            // before anything else in the transaction: see the method's javadoc for why not REPEATABLE READ
            mapper.readCommittedForNextTransaction();
            List<OutboxRow> due = mapper.lockDue(UtcTime.column(clock.instant()), batchSize);
            Set<String> heldBack = new HashSet<>();
            int sent = 0;
            for (OutboxRow row : due) {
                String key = row.hashKey();
                if (key != null && (heldBack.contains(key) || mapper.earlierUnsent(key, row.id()) != null)) {
                    heldBack.add(key);
                    continue;
                }
                SendResult result;
                try {
                    result = send(row);
                } catch (RuntimeException e) {
                    recordFailure(row, e);
                    break;
                }
                mapper.markSent(row.id(), result.msgId(), UtcTime.column(clock.instant()));
                sent++;
            }
            return sent;
        });
    }

    private SendResult send(OutboxRow row) {
        Message message = OutboxMessages.toMessage(row);
        return row.hashKey() != null ? producer.send(message, row.hashKey()) : producer.send(message);
    }

    private void recordFailure(OutboxRow row, RuntimeException error) {
        int attempts = row.attempts() + 1;
        boolean last = attempts >= maxAttempts;
        Instant next = clock.instant().plus(backoff.after(row.attempts()));
        String text = error.toString();
        if (text.length() > MAX_ERROR) {
            text = text.substring(0, MAX_ERROR);
        }
        mapper.markAttemptFailed(row.id(), last ? "FAILED" : "PENDING", attempts, UtcTime.column(next), text);
        if (last) {
            LOG.log(System.Logger.Level.ERROR, "outbox row {0} (topic {1}) failed {2} times and is parked as FAILED; "
                    + "later rows of its hash key wait until an operator resets it to PENDING or deletes it: {3}",
                    row.id(), row.topic(), attempts, text);
        } else {
            LOG.log(System.Logger.Level.WARNING, "outbox row {0} (topic {1}) not sent, attempt {2} of {3}; retrying "
                    + "at {4}: {5}", row.id(), row.topic(), attempts, maxAttempts, next, text);
        }
    }
}
