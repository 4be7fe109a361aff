package io.ternmq.broker.tx;

import io.ternmq.protocol.message.TransactionState;

/**
 * A read-only snapshot of one half message nobody has committed or rolled back yet, for operators
 * (LIST_TRANSACTIONS). Taken under the {@link TransactionTable}'s lock, so its fields agree with each other, but it
 * may be stale as soon as it is returned.
 *
 * @param half       the half message
 * @param checkTimes check-backs sent so far
 * @param state      {@link TransactionState#PENDING} or {@link TransactionState#PARKED}
 */
public record UnresolvedTransaction(HalfMessage half, int checkTimes, TransactionState state) {
}
