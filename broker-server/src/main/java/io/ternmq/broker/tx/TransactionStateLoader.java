package io.ternmq.broker.tx;

import io.ternmq.broker.store.MessageStore;
import io.ternmq.protocol.message.TransactionState;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Rebuilds the {@link TransactionTable} at start-up from the store: reads the op topic (latest state and check
 * count per half message), then the half topic (every half message without a terminal op record is pending or
 * parked), then repairs commits a crash interrupted ({@link CommittedMessageProbe}) by writing their missing
 * COMMIT record. Runs before the broker serves requests, so nothing races it.
 *
 * <p>Cost: one pass over both topics within retention; memory for one small entry per op record during the
 * load. Check counts survive restarts (the last CHECK record), so a restart never resets them to zero; the first
 * check after a restart is due at once (or at the half message's own first check time, if later).
 */
final class TransactionStateLoader {
    private static final System.Logger LOG = System.getLogger(TransactionStateLoader.class.getName());

    private record OpState(boolean terminal, TransactionState terminalState, boolean parked, int checkTimes) {
    }

    private final MessageStore store;
    private final TransactionalMessageService service;
    private final Clock clock;
    private final TransactionSettings settings;
    private final CommittedMessageProbe probe;

    TransactionStateLoader(MessageStore store, TransactionalMessageService service, Clock clock,
                           TransactionSettings settings, boolean indexEnabled) {
        this.store = store;
        this.service = service;
        this.clock = clock;
        this.settings = settings;
        this.probe = new CommittedMessageProbe(store, indexEnabled);
    }

    void load() {
        Map<String, OpState> ops = readOps();
        TransactionTable table = service.table();
        List<PendingTransaction> pending = new ArrayList<>();
        long now = clock.millis();
        QueueScan.scan(store, TransactionTopics.HALF_TOPIC, 0, 0, m -> {
            HalfMessage half = HalfMessage.of(m, settings.timeoutMs());
            if (half == null) {
                return true;
            }
            OpState op = ops.get(half.halfId());
            if (op != null && op.terminal()) {
                table.markResolved(half.halfId(), op.terminalState());
            } else {
                int checks = op == null ? 0 : op.checkTimes();
                boolean parked = op != null && op.parked();
                pending.add(new PendingTransaction(half, checks, Math.max(now, half.firstCheckAt()), parked));
            }
            return true;
        });
        int repaired = 0;
        for (PendingTransaction tx : pending) {
            if (probe.alreadyCommitted(tx.half)) {
                service.appendOpOrFail(new OpRecord(OpKind.COMMIT, tx.half.halfId(), tx.checkTimes)).join();
                table.markResolved(tx.half.halfId(), TransactionState.COMMITTED);
                repaired++;
            } else {
                table.addPending(tx);
            }
        }
        LOG.log(System.Logger.Level.INFO, "transactions: {0} pending, {1} parked, {2} interrupted commits completed",
                table.pendingCount(), table.parkedCount(), repaired);
    }

    private Map<String, OpState> readOps() {
        Map<String, OpState> ops = new HashMap<>();
        QueueScan.scan(store, TransactionTopics.OP_TOPIC, 0, 0, m -> {
            OpRecord op = OpRecord.parse(m);
            if (op == null) {
                return true;
            }
            OpState previous = ops.get(op.halfId());
            if (previous != null && previous.terminal()) {
                return true; // the first terminal record decides; later ones are repeats
            }
            int checks = Math.max(op.checkTimes(), previous == null ? 0 : previous.checkTimes());
            boolean parked = op.kind() == OpKind.PARKED || (previous != null && previous.parked());
            ops.put(op.halfId(), new OpState(op.kind().terminal(), op.kind().terminal()
                    ? op.kind().terminalState() : null, parked, checks));
            return true;
        });
        return ops;
    }
}
