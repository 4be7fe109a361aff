package io.ternmq.broker.tx;

import io.ternmq.protocol.message.TransactionResolution;
import io.ternmq.protocol.message.TransactionState;

import java.util.concurrent.CompletableFuture;

/**
 * A half message that is neither committed nor rolled back yet. Mutable; every field is read and written under the
 * lock of the {@link TransactionTable} that holds it.
 */
final class PendingTransaction {
    final HalfMessage half;
    int checkTimes;
    long nextCheckAt;
    boolean parked;
    boolean checkInFlight;
    /** Set while a commit or rollback is being stored; completes with the final state. */
    CompletableFuture<TransactionState> resolving;
    TransactionResolution resolvingAs;

    PendingTransaction(HalfMessage half, int checkTimes, long nextCheckAt, boolean parked) {
        this.half = half;
        this.checkTimes = checkTimes;
        this.nextCheckAt = nextCheckAt;
        this.parked = parked;
    }

    TransactionState state() {
        return parked ? TransactionState.PARKED : TransactionState.PENDING;
    }

    boolean dueForCheck(long now) {
        return !parked && !checkInFlight && resolving == null && nextCheckAt <= now;
    }
}
