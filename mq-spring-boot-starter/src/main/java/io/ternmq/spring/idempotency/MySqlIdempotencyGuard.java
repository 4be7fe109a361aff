package io.ternmq.spring.idempotency;

import io.ternmq.outbox.idempotency.Claim;
import io.ternmq.outbox.idempotency.IdempotencyStore;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * {@link IdempotencyGuard} on tx-outbox's {@code mq_idempotency} table.
 *
 * <p>Transactional: the key is inserted in a Spring transaction that also wraps the handler. A {@code @Transactional}
 * method called by the handler joins it, so the claim and the handler's writes commit together (the effect on the
 * database happens exactly once), and an exception rolls both back and propagates, leaving the key free for the
 * redelivery. A concurrent delivery of the same key waits on the row lock and, once the first commits, is a
 * duplicate.
 *
 * <p>Not transactional: the key is claimed as PROCESSING with a lease ({@code mq.idempotency.lease}) in its own short
 * transaction (a transaction of the caller is suspended meanwhile, so the claim is visible to other consumers at
 * once); completed after the handler returned, released when it threw. A consumer that crashes in between
 * blocks the key until the lease expires, then a redelivery takes it over: the handler ran at least once, and twice
 * only after such a crash. Thread-safe.
 */
public final class MySqlIdempotencyGuard implements IdempotencyGuard {
    private final IdempotencyStore store;
    private final TransactionTemplate transactions;
    private final TransactionTemplate outsideTransactions;
    private final Duration lease;

    /**
     * @param transactions runs the transactional claim and handler; its transaction manager must manage the
     *                     DataSource of {@code store}
     * @param lease        how long a non-transactional claim blocks other consumers
     */
    public MySqlIdempotencyGuard(IdempotencyStore store, TransactionTemplate transactions, Duration lease) {
        this.store = Objects.requireNonNull(store, "store");
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.outsideTransactions = new TransactionTemplate(Objects.requireNonNull(
                transactions.getTransactionManager(), "the TransactionTemplate has no transaction manager"));
        outsideTransactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_NOT_SUPPORTED);
        this.lease = Objects.requireNonNull(lease, "lease");
        if (lease.isNegative() || lease.isZero()) {
            throw new IllegalArgumentException("mq.idempotency.lease must be positive, got " + lease);
        }
    }

    @Override
    public Outcome runOnce(String group, String key, boolean transactional, Runnable handler) {
        Objects.requireNonNull(key, () -> "null idempotency key for consumer group " + group);
        return transactional ? runInTransaction(group, key, handler) : runWithLease(group, key, handler);
    }

    private Outcome runInTransaction(String group, String key, Runnable handler) {
        return transactions.execute(status -> {
            if (!store.claimInTransaction(group, key)) {
                return Outcome.DUPLICATE;
            }
            handler.run();
            return Outcome.PROCESSED;
        });
    }

    private Outcome runWithLease(String group, String key, Runnable handler) {
        Claim claim = outside(() -> store.claim(group, key, lease));
        return switch (claim.status()) {
            case DUPLICATE -> Outcome.DUPLICATE;
            case IN_PROGRESS -> Outcome.IN_PROGRESS;
            case CLAIMED -> runClaimed(claim, handler);
        };
    }

    private Outcome runClaimed(Claim claim, Runnable handler) {
        try {
            handler.run();
        } catch (RuntimeException | Error e) {
            try {
                outside(() -> {
                    store.release(claim);
                    return null;
                });
            } catch (RuntimeException releaseFailure) {
                // the lease frees the key later anyway; the handler's failure is what the caller must see
                e.addSuppressed(releaseFailure);
            }
            throw e;
        }
        outside(() -> {
            store.complete(claim);
            return null;
        });
        return Outcome.PROCESSED;
    }

    /**
     * Runs a lease-claim step with the caller's transaction, if any, suspended: the step commits at once, so other
     * consumers see the claim, and the caller's rollback cannot undo it.
     */
    private <T> T outside(Supplier<T> step) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            return step.get();
        }
        return outsideTransactions.execute(status -> step.get());
    }
}
