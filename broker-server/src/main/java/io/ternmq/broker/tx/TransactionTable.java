package io.ternmq.broker.tx;

import io.ternmq.protocol.message.TransactionState;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The broker's in-memory view of transactions: every pending (or parked) half message, and the final state of
 * recently resolved ones so a repeated END_TX or a late check answer is answered consistently. Rebuilt from the
 * half and op topics at start-up ({@link TransactionStateLoader}); never the source of truth.
 *
 * <p>Thread-safe: callers synchronize on this object to read or change a {@link PendingTransaction}; the methods
 * here take the same lock.
 */
final class TransactionTable {
    private final Map<String, PendingTransaction> pending = new LinkedHashMap<>();
    private final Map<String, TransactionState> resolved;

    TransactionTable(int maxResolvedRemembered) {
        this.resolved = new LinkedHashMap<>(16, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, TransactionState> eldest) {
                return size() > maxResolvedRemembered;
            }
        };
    }

    synchronized void addPending(PendingTransaction tx) {
        pending.put(tx.half.halfId(), tx);
    }

    synchronized PendingTransaction pending(String halfId) {
        return pending.get(halfId);
    }

    /** The final state of a resolved half message still remembered, or null. */
    synchronized TransactionState resolvedState(String halfId) {
        return resolved.get(halfId);
    }

    synchronized void markResolved(String halfId, TransactionState state) {
        pending.remove(halfId);
        resolved.put(halfId, state);
    }

    /** Pending half messages due for a check-back, each marked in flight so no other tick picks it. */
    synchronized List<PendingTransaction> takeDue(long now) {
        List<PendingTransaction> due = new ArrayList<>();
        for (PendingTransaction tx : pending.values()) {
            if (tx.dueForCheck(now)) {
                tx.checkInFlight = true;
                due.add(tx);
            }
        }
        return due;
    }

    synchronized List<HalfMessage> parked() {
        List<HalfMessage> out = new ArrayList<>();
        pending.values().stream().filter(tx -> tx.parked).forEach(tx -> out.add(tx.half));
        return out;
    }

    /** Every unresolved half message of {@code producerGroup} (null: of every group), oldest first. */
    synchronized List<UnresolvedTransaction> unresolved(String producerGroup) {
        return pending.values().stream()
                .filter(tx -> producerGroup == null || tx.half.producerGroup().equals(producerGroup))
                .sorted(Comparator.comparingLong(tx -> tx.half.storeTimestamp()))
                .map(tx -> new UnresolvedTransaction(tx.half, tx.checkTimes, tx.state()))
                .toList();
    }

    synchronized int pendingCount() {
        return (int) pending.values().stream().filter(tx -> !tx.parked).count();
    }

    synchronized int parkedCount() {
        return (int) pending.values().stream().filter(tx -> tx.parked).count();
    }
}
