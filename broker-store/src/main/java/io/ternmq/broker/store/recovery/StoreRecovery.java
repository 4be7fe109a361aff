package io.ternmq.broker.store.recovery;

import io.ternmq.broker.store.commitlog.CommitLog;
import io.ternmq.broker.store.commitlog.RecordScanner;
import io.ternmq.broker.store.consumequeue.ConsumeQueue;
import io.ternmq.broker.store.consumequeue.ConsumeQueueTable;
import io.ternmq.broker.store.dispatch.Dispatcher;
import io.ternmq.broker.store.index.IndexStore;

import java.io.IOException;
import java.lang.System.Logger.Level;

/**
 * Brings CommitLog, ConsumeQueues and index back into agreement at open, before any service starts.
 *
 * <ol>
 *   <li>Scan the CommitLog from the start of the segment holding {@code min(checkpoint.flushed,
 *   checkpoint.dispatched)} (the first segment when there is no usable checkpoint), checking every record's
 *   magic, bounds, CRC32C, structure and self-declared offset. The valid prefix ends at the first record that
 *   fails, or at zero-filled space.</li>
 *   <li>Cut the CommitLog there: zero the rest of that segment and delete every later segment. A damaged record
 *   is never skipped to reach later data.</li>
 *   <li>Pick the re-dispatch start: {@code min(checkpoint.dispatched, validEnd)}; the first CommitLog offset when
 *   the checkpoint is missing or the {@code consumequeue} directory is empty (full rebuild).</li>
 *   <li>Cut ConsumeQueue and index entries pointing at or past that start, then re-dispatch records from it to
 *   the valid end.</li>
 * </ol>
 * After a clean shutdown the same steps run, but the scan covers only the tail segment and usually finds nothing
 * to cut or re-dispatch.
 *
 * <p>Crash during recovery: every step is idempotent (cutting is by position, re-dispatch first cuts what it will
 * rewrite), the abort marker is still present, so the next open simply recovers again.
 *
 * <p>What a crash at each point of normal operation leaves, and how this repairs it:
 * <ul>
 *   <li>during a CommitLog write: a torn tail record, which fails its CRC and is cut (it was never acknowledged);</li>
 *   <li>after the write, before the fsync (ASYNC_FLUSH): after a process crash nothing is lost (page cache); after
 *   a machine crash the unflushed tail may be lost or torn and is cut;</li>
 *   <li>during a roll: a blank marker with or without an empty next segment; both parse;</li>
 *   <li>during dispatch: ConsumeQueue/index entries behind or torn; the torn part fails its CRC at load and the
 *   rest is redone from the dispatched checkpoint;</li>
 *   <li>during a checkpoint write: the old checkpoint stays (atomic rename), which is merely earlier;</li>
 *   <li>during retention: a segment deleted or not; ConsumeQueue minimums are recomputed from the first
 *   remaining segment.</li>
 * </ul>
 */
public final class StoreRecovery {
    private static final System.Logger LOG = System.getLogger(StoreRecovery.class.getName());

    private StoreRecovery() {
    }

    /** @return the CommitLog offset dispatching is complete to (the valid end) */
    public static long recover(CommitLog log, ConsumeQueueTable queues, IndexStore index, Dispatcher dispatcher,
                               Checkpoint checkpoint, boolean cleanShutdown) throws IOException {
        long min = log.minOffset();
        long scanFrom = min;
        if (checkpoint != null) {
            long from = Math.min(checkpoint.flushedOffset(), checkpoint.dispatchedOffset());
            scanFrom = Math.max(min, from - from % log.segmentSize());
        }
        ScanResult scan = scan(log, scanFrom);
        log.truncateTo(scan.validEnd, scan.lastStoreTimestamp);
        if (!cleanShutdown || scan.damage != null) {
            LOG.log(Level.WARNING, "recovered CommitLog after {0} shutdown: valid end {1}{2}",
                    cleanShutdown ? "clean" : "unclean", scan.validEnd,
                    scan.damage == null ? "" : ", cut damaged tail: " + scan.damage);
        }
        long dispatchFrom = checkpoint == null || queues.all().isEmpty()
                ? min : Math.max(min, Math.min(checkpoint.dispatchedOffset(), scan.validEnd));
        for (ConsumeQueue cq : queues.all()) {
            cq.truncateFromCommitLogOffset(dispatchFrom);
            cq.dropBelowCommitLogOffset(min);
        }
        if (index != null) {
            index.truncateFromCommitLogOffset(dispatchFrom);
        }
        dispatcher.resetTo(dispatchFrom);
        dispatcher.verifiedFrom(scanFrom); // the scan above checked every record from there on
        dispatcher.dispatchUpTo(scan.validEnd);
        return dispatcher.dispatchedOffset();
    }

    private record ScanResult(long validEnd, long lastStoreTimestamp, String damage) {
    }

    private static ScanResult scan(CommitLog log, long from) throws IOException {
        RecordScanner scanner = new RecordScanner(log);
        long position = from;
        long lastTimestamp = 0;
        while (true) {
            long segmentEnd = log.segmentEndOf(position);
            RecordScanner.Step step = scanner.next(position, segmentEnd, true, false);
            switch (step.kind()) {
                case RECORD -> lastTimestamp = step.record().storeTimestamp();
                case BLANK -> {
                    if (log.segments().stream().noneMatch(s -> s.startOffset() == step.nextOffset())) {
                        return new ScanResult(step.nextOffset(), lastTimestamp, null);
                    }
                }
                case END -> {
                    return new ScanResult(position, lastTimestamp, null);
                }
                case CORRUPT -> {
                    return new ScanResult(position, lastTimestamp, step.problem());
                }
            }
            position = step.nextOffset();
        }
    }
}
