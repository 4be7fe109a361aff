package io.ternmq.broker.store.flush;

import io.ternmq.broker.store.commitlog.CommitLog;
import io.ternmq.broker.store.commitlog.WriteGate;
import io.ternmq.broker.store.consumequeue.ConsumeQueueTable;
import io.ternmq.broker.store.dispatch.Dispatcher;
import io.ternmq.broker.store.index.IndexStore;
import io.ternmq.broker.store.io.FileSync;
import io.ternmq.broker.store.recovery.Checkpoint;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.time.Clock;

/**
 * Periodically fsyncs ConsumeQueue and index files, then writes the {@link Checkpoint}. The dispatched position is
 * read before the fsyncs, so the checkpoint never claims entries that were not yet durable. Run by the store's
 * scheduler ("store-scheduler") and once more at close.
 */
public final class CheckpointFlusher {
    private static final System.Logger LOG = System.getLogger(CheckpointFlusher.class.getName());

    private final CommitLog log;
    private final ConsumeQueueTable queues;
    private final IndexStore index;
    private final Dispatcher dispatcher;
    private final FileSync sync;
    private final WriteGate gate;
    private final Path file;
    private final Clock clock;

    public CheckpointFlusher(CommitLog log, ConsumeQueueTable queues, IndexStore index, Dispatcher dispatcher,
                             FileSync sync, WriteGate gate, Path file, Clock clock) {
        this.log = log;
        this.queues = queues;
        this.index = index;
        this.dispatcher = dispatcher;
        this.sync = sync;
        this.gate = gate;
        this.file = file;
        this.clock = clock;
    }

    /** @return true when the checkpoint was written */
    public synchronized boolean flushAndCheckpoint() {
        if (gate.isFailed()) {
            return false;
        }
        long dispatched = dispatcher.dispatchedOffset();
        try {
            queues.flushAll(sync);
            if (index != null) {
                index.flush(sync);
            }
            new Checkpoint(log.flushedOffset(), dispatched, clock.millis()).writeTo(file);
            return true;
        } catch (IOException e) {
            LOG.log(Level.ERROR, "ConsumeQueue/index fsync or checkpoint failed; store is no longer writable", e);
            gate.fail("ConsumeQueue/index fsync failed: " + e);
            return false;
        }
    }
}
