package io.ternmq.broker.store;

import io.ternmq.broker.store.commitlog.AppendOutcome;
import io.ternmq.broker.store.commitlog.CommitLog;
import io.ternmq.broker.store.commitlog.EntryValidator;
import io.ternmq.broker.store.commitlog.PreparedEntry;
import io.ternmq.broker.store.commitlog.WriteGate;
import io.ternmq.broker.store.consumequeue.ConsumeQueue;
import io.ternmq.broker.store.consumequeue.ConsumeQueueEntry;
import io.ternmq.broker.store.consumequeue.ConsumeQueueTable;
import io.ternmq.broker.store.consumequeue.QueueOffsetTable;
import io.ternmq.broker.store.dispatch.Dispatcher;
import io.ternmq.broker.store.flush.AsyncFlusher;
import io.ternmq.broker.store.flush.CheckpointFlusher;
import io.ternmq.broker.store.flush.CommitLogFlusher;
import io.ternmq.broker.store.flush.GroupCommitFlusher;
import io.ternmq.broker.store.index.IndexStore;
import io.ternmq.broker.store.io.StorageHooks;
import io.ternmq.broker.store.read.MessageIds;
import io.ternmq.broker.store.read.MessageQueries;
import io.ternmq.broker.store.read.QueueReader;
import io.ternmq.broker.store.recovery.AbortMarker;
import io.ternmq.broker.store.recovery.Checkpoint;
import io.ternmq.broker.store.recovery.StoreRecovery;
import io.ternmq.broker.store.retention.RetentionService;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Wires the store's parts together and maps the public API onto them; holds no storage logic of its own.
 * Threads: "store-dispatcher", "store-flush-commitlog" or "store-group-commit", and "store-scheduler" (ConsumeQueue
 * and index fsync plus checkpoint every second, retention every ten seconds). All are daemons, stopped by
 * {@link #close()}.
 */
final class DefaultMessageStore implements MessageStore {
    private static final long DELETE_TOPIC_DISPATCH_WAIT_MS = 5_000;
    /** Most bytes {@link #appendAll} writes with one call; bounds the CommitLog's group buffer. */
    private static final long MAX_GROUP_BYTES = 4L * 1024 * 1024;
    private final StoreConfig config;
    private final StorageHooks hooks;
    private final WriteGate gate;
    private final AbortMarker abortMarker;
    private final CommitLog commitLog;
    private final ConsumeQueueTable queues;
    private final QueueOffsetTable queueOffsets = new QueueOffsetTable();
    private final IndexStore index;
    private final Dispatcher dispatcher;
    private final CommitLogFlusher flusher;
    private final GroupCommitFlusher groupCommit;
    private final CheckpointFlusher checkpointFlusher;
    private final RetentionService retention;
    private final QueueReader reader;
    private final MessageQueries queries;
    private final EntryValidator validator;
    private final byte[] storeHostBytes;
    private final ScheduledExecutorService scheduler;
    private final AtomicBoolean closed = new AtomicBoolean();

    private DefaultMessageStore(StoreConfig config, StorageHooks hooks) throws IOException {
        this.config = config;
        this.hooks = hooks;
        Path root = config.storePathRootDir();
        Files.createDirectories(root);
        this.gate = new WriteGate();
        this.abortMarker = new AbortMarker(root);
        boolean clean = !abortMarker.exists();
        abortMarker.create();
        Checkpoint checkpoint = Checkpoint.readFrom(root.resolve("checkpoint"));
        this.storeHostBytes = config.storeHost() == null ? new byte[0]
                : config.storeHost().getBytes(StandardCharsets.UTF_8);
        this.commitLog = new CommitLog(root.resolve("commitlog"), config.mappedFileSizeCommitLog(), storeHostBytes,
                hooks.fileSync(), config.clock(), gate);
        this.queues = new ConsumeQueueTable(root.resolve("consumequeue"), config.consumeQueueFileEntries());
        queues.load();
        this.index = config.messageIndexEnable() ? IndexStore.open(root.resolve("index")) : null;
        this.dispatcher = new Dispatcher(commitLog, queues, index, commitLog.minOffset());
        StoreRecovery.recover(commitLog, queues, index, dispatcher, checkpoint, clean);
        for (ConsumeQueue cq : queues.all()) {
            queueOffsets.set(cq.topic(), cq.queueId(), cq.maxOffset());
        }
        this.checkpointFlusher = new CheckpointFlusher(commitLog, queues, index, dispatcher, hooks.fileSync(), gate,
                root.resolve("checkpoint"), config.clock());
        this.retention = new RetentionService(config, hooks.diskUsage(), commitLog, queues, index, gate,
                dispatcher::dispatchedOffset);
        this.reader = new QueueReader(commitLog, queues);
        this.queries = new MessageQueries(commitLog, queues, index);
        this.validator = new EntryValidator(config.maxMessageSize(), config.mappedFileSizeCommitLog());
        if (config.flushDiskType() == FlushDiskType.SYNC_FLUSH) {
            this.groupCommit = new GroupCommitFlusher(commitLog, gate, config.syncFlushTimeoutMs(), hooks.gather());
            this.flusher = groupCommit;
        } else {
            this.groupCommit = null;
            this.flusher = new AsyncFlusher(commitLog, gate, config.flushIntervalCommitLogMs());
        }
        this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "store-scheduler");
            t.setDaemon(true);
            return t;
        });
        start();
    }

    static DefaultMessageStore open(StoreConfig config, StorageHooks hooks) {
        try {
            return new DefaultMessageStore(config, hooks);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open store at " + config.storePathRootDir(), e);
        }
    }

    private void start() {
        checkpointFlusher.flushAndCheckpoint();
        retention.runOnce();
        commitLog.setAppendListener(dispatcher::wakeup);
        dispatcher.start();
        flusher.start();
        long checkpointMs = hooks.indexFlushPeriod().toMillis();
        scheduler.scheduleWithFixedDelay(checkpointFlusher::flushAndCheckpoint, checkpointMs, checkpointMs,
                TimeUnit.MILLISECONDS);
        long retentionMs = hooks.retentionPeriod().toMillis();
        scheduler.scheduleWithFixedDelay(retention::runOnce, retentionMs, retentionMs, TimeUnit.MILLISECONDS);
    }

    @Override
    public CompletableFuture<AppendResult> append(AppendRequest request) {
        if (closed.get()) {
            return CompletableFuture.completedFuture(
                    AppendResult.rejected(AppendStatus.SERVICE_NOT_AVAILABLE, "store is closed"));
        }
        AppendResult rejection = validator.checkRequest(request);
        if (rejection != null) {
            return CompletableFuture.completedFuture(rejection);
        }
        PreparedEntry entry = PreparedEntry.of(request, storeHostBytes);
        rejection = validator.checkPrepared(entry);
        if (rejection != null) {
            return CompletableFuture.completedFuture(rejection);
        }
        return completed(entry, commitLog.append(entry, queueOffsets));
    }

    /** The result of a CommitLog outcome; with SYNC_FLUSH it completes once the entry is fsynced. */
    private CompletableFuture<AppendResult> completed(PreparedEntry entry, AppendOutcome outcome) {
        if (!outcome.written()) {
            return CompletableFuture.completedFuture(AppendResult.rejected(outcome.status(), outcome.errorMessage()));
        }
        String[] ids = new String[entry.messageCount()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = MessageIds.of(outcome.commitLogOffset(), i);
        }
        AppendResult ok = new AppendResult(AppendStatus.PUT_OK, outcome.commitLogOffset(), outcome.baseQueueOffset(),
                ids.length, List.of(ids), outcome.storeTimestamp(), null);
        return groupCommit == null ? CompletableFuture.completedFuture(ok)
                : groupCommit.submit(outcome.endOffset(), ok);
    }

    @Override
    public List<CompletableFuture<AppendResult>> appendAll(List<AppendRequest> requests) {
        List<CompletableFuture<AppendResult>> results = new ArrayList<>(requests.size());
        List<PreparedEntry> group = new ArrayList<>(requests.size());
        List<Integer> groupIndexes = new ArrayList<>(requests.size());
        long groupBytes = 0;
        for (AppendRequest request : requests) {
            AppendResult rejection = closed.get()
                    ? AppendResult.rejected(AppendStatus.SERVICE_NOT_AVAILABLE, "store is closed")
                    : validator.checkRequest(request);
            PreparedEntry entry = null;
            if (rejection == null) {
                entry = PreparedEntry.of(request, storeHostBytes);
                rejection = validator.checkPrepared(entry);
            }
            if (rejection != null) {
                results.add(CompletableFuture.completedFuture(rejection));
                continue;
            }
            if (groupBytes + entry.totalSize() > MAX_GROUP_BYTES && !group.isEmpty()) {
                appendGroup(group, groupIndexes, results);
                groupBytes = 0;
            }
            groupIndexes.add(results.size());
            results.add(null); // filled in by appendGroup
            group.add(entry);
            groupBytes += entry.totalSize();
        }
        appendGroup(group, groupIndexes, results);
        return results;
    }

    /** Writes the prepared entries together and sets their results at their indexes; empties both lists. */
    private void appendGroup(List<PreparedEntry> group, List<Integer> indexes,
                             List<CompletableFuture<AppendResult>> results) {
        if (group.isEmpty()) {
            return;
        }
        List<AppendOutcome> outcomes = commitLog.appendAll(group, queueOffsets);
        for (int i = 0; i < group.size(); i++) {
            results.set(indexes.get(i), completed(group.get(i), outcomes.get(i)));
        }
        group.clear();
        indexes.clear();
    }

    @Override
    public ReadResult read(String topic, int queueId, long offset, int maxMessages, int maxBytes,
                           MessageFilter filter) {
        return reader.read(topic, queueId, offset, maxMessages, maxBytes,
                filter == null ? MessageFilter.ACCEPT_ALL : filter);
    }

    @Override
    public ReadBytesResult readBytes(String topic, int queueId, long offset, int maxMessages, int maxBytes,
                                     MessageFilter filter, RecordCheck check) {
        return reader.readBytes(topic, queueId, offset, maxMessages, maxBytes,
                filter == null ? MessageFilter.ACCEPT_ALL : filter, check);
    }

    @Override
    public long minOffset(String topic, int queueId) {
        ConsumeQueue cq = queues.get(topic, queueId);
        return cq == null ? 0 : cq.minOffset();
    }

    @Override
    public long maxOffset(String topic, int queueId) {
        ConsumeQueue cq = queues.get(topic, queueId);
        return cq == null ? 0 : cq.maxOffset();
    }

    @Override
    public long offsetForTimestamp(String topic, int queueId, long timestampMs) {
        ConsumeQueue cq = queues.get(topic, queueId);
        if (cq == null) {
            return 0;
        }
        ConsumeQueueEntry e = cq.entry(cq.findEntryByTimestamp(timestampMs));
        return e == null ? cq.maxOffset() : Math.max(e.baseQueueOffset(), cq.minOffset());
    }

    @Override
    public long storeTimestampAt(String topic, int queueId, long offset) {
        ConsumeQueue cq = queues.get(topic, queueId);
        if (cq == null) {
            return -1;
        }
        long entry = cq.findEntryByQueueOffset(offset);
        ConsumeQueueEntry e = entry < 0 ? null : cq.entry(entry);
        return e == null ? -1 : e.storeTimestamp();
    }

    @Override
    public List<StoredMessage> queryByKey(String topic, String key, long beginTimestampMs, long endTimestampMs,
                                          int maxResults) {
        return queries.byKey(topic, key, beginTimestampMs, endTimestampMs, maxResults);
    }

    @Override
    public Optional<StoredMessage> queryById(String messageId) {
        return queries.byId(messageId);
    }

    @Override
    public List<StoredMessage> queryByTime(String topic, long beginTimestampMs, long endTimestampMs,
                                           int maxResults) {
        return queries.byTime(topic, beginTimestampMs, endTimestampMs, maxResults);
    }

    @Override
    public void deleteTopic(String topic) {
        // Under the put lock, after the dispatcher has caught up: no record of the old topic can be dispatched
        // into fresh queues, and no new append can land in the queues being deleted.
        commitLog.underPutLock(() -> {
            dispatcher.awaitDispatched(commitLog.maxOffset(), DELETE_TOPIC_DISPATCH_WAIT_MS);
            queueOffsets.removeTopic(topic);
            queues.deleteTopic(topic);
        });
    }

    @Override
    public List<Integer> queueIds(String topic) {
        return queues.queueIds(topic);
    }

    @Override
    public void setArrivalListener(MessageArrivalListener listener) {
        dispatcher.setListener(listener);
    }

    @Override
    public StoreStatus status() {
        return new StoreStatus(commitLog.minOffset(), commitLog.maxOffset(), commitLog.flushedOffset(),
                dispatcher.dispatchedOffset(), retention.lastDiskUsedRatio(), gate.writable() && !closed.get(),
                commitLog.segmentCount());
    }

    /** Tests: one retention pass now, at the configured clock's time. */
    void runRetentionNow() {
        retention.runOnce();
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        stopServices();
        checkpointFlusher.flushAndCheckpoint();
        if (!gate.isFailed()) {
            try {
                abortMarker.delete();
            } catch (IOException e) {
                throw new UncheckedIOException("could not remove the abort marker", e);
            }
        }
        releaseFiles();
    }

    /**
     * Tests: stops like a killed process would leave things: no final flush, no checkpoint, abort marker kept.
     * Bytes already written stay in the page cache, as after kill -9.
     */
    void crash() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        scheduler.shutdownNow();
        dispatcher.stop();
        gate.fail("crashed (test)");
        flusher.stop();
        releaseFiles();
    }

    private void stopServices() {
        scheduler.shutdown();
        try {
            scheduler.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        flusher.stop();
        dispatcher.stop();
    }

    private void releaseFiles() {
        queues.closeAll();
        if (index != null) {
            index.close();
        }
        commitLog.close();
    }
}
