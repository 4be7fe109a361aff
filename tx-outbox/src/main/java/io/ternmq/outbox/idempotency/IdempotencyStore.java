package io.ternmq.outbox.idempotency;

import io.ternmq.outbox.OutboxDatabase;
import io.ternmq.outbox.UtcTime;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Objects;
import java.util.UUID;

/**
 * Business-key claims in the {@code mq_idempotency} table, keyed by (consumer group, key).
 *
 * <p>Inside a local transaction ({@link #claimInTransaction}) the claim is a plain insert that commits or rolls back
 * with the listener's own writes: exactly-once effects for the database. Without one ({@link #claim}) a claim is a
 * PROCESSING row with a lease: {@link #complete} marks it DONE, {@link #release} deletes it after a failure, and a
 * claim whose holder crashed is taken over once its lease expired.
 *
 * <p>Row: {@code consumer_group}, {@code idem_key} (primary key together, at most 255 characters each),
 * {@code status} PROCESSING or DONE, {@code holder_token} (the claim's random token), {@code lease_until},
 * {@code created_at}, {@code updated_at} (UTC, from the injected clock).
 *
 * <p>Races: two transactions claiming one key in a transaction serialise on the primary key, the second waits and
 * then sees a duplicate (or the key free, if the first rolled back). Lease claims never hold a lock across
 * statements: a claim inserts the row only if absent ({@code INSERT IGNORE}) and takes an expired one over with an
 * update guarded by the old holder's token and the expiry, so of several concurrent claimers exactly one gets
 * {@link ClaimStatus#CLAIMED}. {@link #complete} and {@link #release} touch the row only while the claim's token
 * still holds it: a holder whose lease expired and was taken over cannot undo the new holder's claim.
 *
 * <p>Use one mode per consumer group: a transactional claim treats any existing row, PROCESSING or DONE, as a
 * duplicate. Thread-safe.
 */
public final class IdempotencyStore {
    /** Longest group and key, the width of their columns. */
    static final int MAX_LENGTH = 255;
    /** Rows deleted per statement while purging, so no purge holds many row locks at once. */
    static final int PURGE_BATCH = 1000;
    /** Rounds of a lease claim that lost a race (the row changed between read and write) before it says IN_PROGRESS. */
    private static final int CLAIM_ROUNDS = 5;
    private static final String PROCESSING = "PROCESSING";
    private static final String DONE = "DONE";
    private static final System.Logger LOG = System.getLogger(IdempotencyStore.class.getName());

    private final OutboxDatabase db;
    private final IdempotencyMapper mapper;
    private final Clock clock;

    public IdempotencyStore(OutboxDatabase db, Clock clock) {
        this.db = Objects.requireNonNull(db, "db");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.mapper = db.mapper(IdempotencyMapper.class);
    }

    /**
     * Claims {@code key} for {@code group} as done inside the calling thread's transaction. Returns false when the key
     * was claimed before (a duplicate). Must be called inside a transaction of the database.
     *
     * <p>While another transaction holds an uncommitted claim of the same key, this call waits for it (up to the
     * server's lock wait timeout) and then answers from its outcome.
     *
     * @throws IllegalStateException when the calling thread is not in a transaction of the database
     */
    public boolean claimInTransaction(String group, String key) {
        check(group, key);
        if (!db.inTransaction()) {
            throw new IllegalStateException("claimInTransaction(" + group + ", " + key + ") must run inside the "
                    + "listener's local transaction; there is none on this thread (use claim(...) without one)");
        }
        LocalDateTime now = UtcTime.column(clock.instant());
        return mapper.insertIgnore(group, key, DONE, null, null, now) == 1;
    }

    /**
     * Claims {@code key} as PROCESSING for {@code lease}, in its own short transaction. The result is
     * {@link ClaimStatus#CLAIMED} (with a token) when the key was free or its holder's lease had expired,
     * {@link ClaimStatus#DUPLICATE} when it is DONE, {@link ClaimStatus#IN_PROGRESS} while another holder's lease
     * runs.
     *
     * @throws IllegalStateException when called inside a transaction: the claim must be visible to other consumers
     *                               at once, so use {@link #claimInTransaction} there
     */
    public Claim claim(String group, String key, Duration lease) {
        check(group, key);
        Objects.requireNonNull(lease, "lease");
        if (lease.isNegative() || lease.isZero()) {
            throw new IllegalArgumentException("the lease must be positive: " + lease);
        }
        if (db.inTransaction()) {
            throw new IllegalStateException("claim(" + group + ", " + key + ") takes its own transaction but was "
                    + "called inside one; use claimInTransaction(...) there");
        }
        for (int round = 0; round < CLAIM_ROUNDS; round++) {
            Claim claim = db.inTransaction(() -> tryClaim(group, key, lease));
            if (claim != null) {
                return claim;
            }
        }
        return new Claim(ClaimStatus.IN_PROGRESS, group, key, null);
    }

    /** One claim round; null when the row changed between the read and the write, so the caller looks again. */
    private Claim tryClaim(String group, String key, Duration lease) {
        Instant now = clock.instant();
        LocalDateTime nowColumn = UtcTime.column(now);
        LocalDateTime until = UtcTime.column(now.plus(lease));
        IdempotencyRow row = mapper.find(group, key);
        if (row == null) {
            String token = UUID.randomUUID().toString();
            return mapper.insertIgnore(group, key, PROCESSING, token, until, nowColumn) == 1
                    ? new Claim(ClaimStatus.CLAIMED, group, key, token) : null;
        }
        if (DONE.equals(row.status())) {
            return new Claim(ClaimStatus.DUPLICATE, group, key, null);
        }
        if (row.leaseUntil() != null && row.leaseUntil().isBefore(nowColumn)) {
            String token = UUID.randomUUID().toString();
            return mapper.takeOver(group, key, row.holderToken(), token, until, nowColumn) == 1
                    ? new Claim(ClaimStatus.CLAIMED, group, key, token) : null;
        }
        return new Claim(ClaimStatus.IN_PROGRESS, group, key, null);
    }

    /**
     * Marks a CLAIMED claim DONE: later deliveries of the key are duplicates. When the claim's lease expired and
     * another consumer took the key over, nothing changes (the new holder decides) and a warning is logged.
     */
    public void complete(Claim claim) {
        requireClaimed(claim);
        if (mapper.complete(claim.group(), claim.key(), claim.token(), UtcTime.column(clock.instant())) == 0) {
            LOG.log(System.Logger.Level.WARNING, "idempotency claim of {0}/{1} was lost before it completed (its "
                    + "lease expired and another consumer took the key over): the key may be processed twice; "
                    + "use a longer lease", claim.group(), claim.key());
        }
    }

    /** Gives a CLAIMED claim up after a failed attempt, so a redelivery can claim the key again. */
    public void release(Claim claim) {
        requireClaimed(claim);
        mapper.release(claim.group(), claim.key(), claim.token());
    }

    /** Deletes DONE rows older than {@code cutoff} (by their last update); returns how many. */
    public int purgeOlderThan(Instant cutoff) {
        LocalDateTime column = UtcTime.column(Objects.requireNonNull(cutoff, "cutoff"));
        int total = 0;
        int deleted;
        do {
            deleted = mapper.deleteDoneBefore(column, PURGE_BATCH);
            total += deleted;
        } while (deleted == PURGE_BATCH);
        return total;
    }

    private static void requireClaimed(Claim claim) {
        Objects.requireNonNull(claim, "claim");
        if (claim.status() != ClaimStatus.CLAIMED || claim.token() == null) {
            throw new IllegalArgumentException("only a CLAIMED claim can be completed or released, not " + claim);
        }
    }

    private static void check(String group, String key) {
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(key, "key");
        if (group.isEmpty() || group.length() > MAX_LENGTH || key.isEmpty() || key.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("an idempotency group and key must have 1.." + MAX_LENGTH
                    + " characters: group '" + group + "', key of " + key.length() + " characters");
        }
    }
}
