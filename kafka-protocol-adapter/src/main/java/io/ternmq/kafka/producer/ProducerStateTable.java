package io.ternmq.kafka.producer;

import io.ternmq.broker.store.AtomicFiles;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Idempotent producer state: per (topic, partition, producer id) the current epoch and the last 5 batches, so a
 * retried batch is answered with its original offset instead of being written twice, and a gap is refused.
 *
 * <h2>Rules (Kafka's)</h2>
 * <ul>
 *   <li>No state for the producer (new, or expired): any sequence is accepted.</li>
 *   <li>Lower epoch than the partition has seen: INVALID_PRODUCER_EPOCH.</li>
 *   <li>Higher epoch: must start at sequence 0 (the Java client bumps its epoch itself after an error, KIP-360);
 *       the older epoch's batches are forgotten.</li>
 *   <li>Same epoch: exactly the (firstSeq, lastSeq) of a cached or in-flight batch is a DUPLICATE; otherwise
 *       firstSeq must follow the last sequence ({@code last + 1}, or 0 after {@code Integer.MAX_VALUE}), else
 *       OUT_OF_ORDER_SEQUENCE.</li>
 * </ul>
 *
 * <h2>Concurrency</h2>
 * The Java producer keeps up to 5 requests in flight per partition, so a batch may arrive while its predecessor is
 * still being written. {@link #append} therefore holds the partition's lock ({@link PartitionProducers#lock}) while
 * it judges the batch <em>and</em> hands it to the store: batches reach the store in the order they were judged, and
 * each one is judged against the batches before it, in flight or done. The batch is then tracked as in flight
 * (reserved) until the store's future completes: on success it moves into the 5-batch cache with its offsets, on
 * failure it is dropped (aborted). A retry of an in-flight batch is a DUPLICATE whose result completes with the
 * original's. The appender runs under the lock, so it must only enqueue the write, not wait for the disk.
 * Different partitions never contend. Thread-safe.
 *
 * <h2>Persistence and crashes</h2>
 * {@link #snapshot} writes every partition of the store to {@code producer-state.snapshot} (layout in
 * {@link ProducerStateSnapshot}) atomically, each with its <em>replay offset</em>: every idempotent batch below it is
 * reflected in the snapshot (the store's end offset, or with appends in flight the end offset when the first of them
 * was handed to the store). The owner calls it periodically (it writes when the state or any end offset changed) and
 * {@link #close} writes it at shutdown; {@link #open} writes one at once, so a store written by Kafka producers always
 * has a snapshot. On {@link #open}, each partition is restored from the snapshot and then the batches stored since its
 * replay offset are replayed from the log ({@link ProducerLog#readBatches}; the produce path stores producer id, epoch
 * and sequences on each idempotent batch's first message), like Kafka rebuilds its producer state from batch headers;
 * partitions created after the snapshot are replayed from their start. The scan is bounded by what was written since
 * the last snapshot; after a clean shutdown there is nothing to scan. So a batch retried across a crash whose first
 * attempt was stored is a DUPLICATE. Left as before: a partition whose log ends before its replay offset (its tail was
 * lost, e.g. a power loss with asynchronous flush) forgets its producers, and so does every partition when the
 * snapshot is corrupt (or, for a snapshot of the earlier "KPS1" format, any partition written since): their producers
 * are unknown and any sequence is accepted.
 *
 * <p>Expiry: a producer with nothing in flight and no append for {@code expiry} ({@code producer.id.expiration.ms},
 * default 1 day) is forgotten by {@link #expireIdle}, so memory stays bounded.
 */
public final class ProducerStateTable implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(ProducerStateTable.class.getName());
    /** Kafka's {@code producer.id.expiration.ms} default. */
    public static final Duration DEFAULT_EXPIRY = Duration.ofDays(1);

    private record Key(String topic, int partition) {
    }

    private final Path file;
    private final LongSupplier clockMs;
    private final long expiryMs;
    private final ProducerLog log;
    private final ConcurrentMap<Key, PartitionProducers> partitions = new ConcurrentHashMap<>();
    private final AtomicLong changes = new AtomicLong();
    private long changesAtLastSnapshot = -1;
    private Map<ProducerLog.LogPartition, Long> endsAtLastSnapshot = Map.of();

    private ProducerStateTable(Path dir, LongSupplier clockMs, Duration expiry, ProducerLog log) {
        this.file = dir.resolve(ProducerStateSnapshot.FILE_NAME);
        this.clockMs = clockMs;
        this.expiryMs = expiry.toMillis();
        this.log = log;
    }

    /**
     * Opens the table: restores the snapshot in {@code dir}, replays the batches stored since it from the log (see
     * the class comment) and writes a new snapshot. A corrupt snapshot is moved aside ({@code .corrupt}) and the
     * table starts empty (every producer unknown).
     *
     * @param dir     e.g. {@code <storePathRootDir>/kafka}
     * @param clockMs wall-clock milliseconds (expiry)
     * @param expiry  idle time after which a producer's state is dropped
     * @param log     the store: end offsets, partitions and the idempotent batches stored in it
     */
    public static ProducerStateTable open(Path dir, LongSupplier clockMs, Duration expiry, ProducerLog log) {
        ProducerStateTable table = new ProducerStateTable(dir, clockMs, expiry, log);
        table.load();
        table.snapshot();
        return table;
    }

    private void load() {
        if (!Files.exists(file)) {
            return;
        }
        ProducerStateSnapshot.Contents contents;
        try {
            contents = ProducerStateSnapshot.read(Files.readAllBytes(file));
        } catch (ProducerStateSnapshot.CorruptSnapshotException e) {
            LOG.log(System.Logger.Level.WARNING, "ignoring corrupt producer state snapshot " + file + ": "
                    + e.getMessage() + "; producers are unknown until they write again");
            moveAside();
            return;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        long now = clockMs.getAsLong();
        Set<ProducerLog.LogPartition> seen = new HashSet<>();
        for (ProducerStateSnapshot.PartitionImage image : contents.images()) {
            seen.add(new ProducerLog.LogPartition(image.topic(), image.partition()));
            long current = log.endOffset(image.topic(), image.partition());
            boolean stale = contents.everyPartition() ? image.endOffset() > current
                    : image.endOffset() < 0 || image.endOffset() != current;
            if (stale) {
                LOG.log(System.Logger.Level.WARNING, "producer state of " + image.topic() + "-" + image.partition()
                        + " does not match the log (snapshot " + image.endOffset() + ", log end " + current
                        + "), dropped: its producers are unknown");
                continue;
            }
            PartitionProducers p = new PartitionProducers(image.topic(), image.partition());
            image.producers().forEach((id, entry) -> {
                if (now - entry.lastUpdateMs < expiryMs) {
                    p.producers.put(id, entry);
                }
            });
            replay(p, image.endOffset(), current, now);
        }
        if (contents.everyPartition()) {
            for (ProducerLog.LogPartition created : log.partitions()) {
                if (!seen.contains(created)) { // created after the snapshot: all of it is newer
                    replay(new PartitionProducers(created.topic(), created.partition()), 0,
                            log.endOffset(created.topic(), created.partition()), now);
                }
            }
        }
    }

    /** Replays the batches stored in [from, to) into {@code p} and keeps it when it has producers. */
    private void replay(PartitionProducers p, long from, long to, long now) {
        if (from < to) {
            int[] replayed = new int[1];
            log.readBatches(p.topic, p.partition, from, to, stored -> {
                if (now - stored.storeTimestampMs() >= expiryMs) {
                    return;
                }
                BatchSequence s = stored.sequence();
                ProducerEntry entry = p.producers.computeIfAbsent(s.producerId(),
                        id -> new ProducerEntry(s.producerEpoch(), stored.storeTimestampMs()));
                entry.replay(s.producerEpoch(), s.firstSeq(), s.lastSeq(),
                        new AppendedBatch(stored.baseOffset(), stored.lastOffset(), -1));
                entry.lastUpdateMs = Math.max(entry.lastUpdateMs, stored.storeTimestampMs());
                replayed[0]++;
            });
            LOG.log(System.Logger.Level.INFO, "producer state of " + p.topic + "-" + p.partition + ": replayed "
                    + replayed[0] + " batches stored at offsets " + from + ".." + (to - 1));
        }
        if (!p.producers.isEmpty()) {
            partitions.put(new Key(p.topic, p.partition), p);
        }
    }

    private void moveAside() {
        try {
            Files.move(file, file.resolveSibling(file.getFileName() + ".corrupt"),
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot move the corrupt snapshot " + file + " aside", e);
        }
    }

    /**
     * Judges an idempotent batch and, when it is to be appended, hands it to the store while holding the partition's
     * lock (see the class comment).
     *
     * @param appender enqueues the batch to the store and returns the future of its placement; called at most once,
     *                 only for APPEND, under the partition lock; must not block on I/O
     */
    public SequenceDecision append(String topic, int partition, BatchSequence batch,
                                   Supplier<CompletableFuture<AppendedBatch>> appender) {
        PartitionProducers p = partitions.computeIfAbsent(new Key(topic, partition),
                k -> new PartitionProducers(topic, partition));
        p.lock.lock();
        try {
            if (partitions.get(new Key(topic, partition)) != p) { // dropped by expireIdle meanwhile
                return append(topic, partition, batch, appender);
            }
            ProducerEntry entry = p.producers.get(batch.producerId());
            long now = clockMs.getAsLong();
            if (entry != null) {
                SequenceDecision refused = judge(entry, batch);
                if (refused != null) {
                    return refused;
                }
                if (batch.producerEpoch() != entry.epoch) {
                    entry.epoch = batch.producerEpoch();
                    entry.batches.clear();
                }
            } else {
                entry = new ProducerEntry(batch.producerEpoch(), now);
                p.producers.put(batch.producerId(), entry);
            }
            entry.lastUpdateMs = now;
            return submit(p, entry, batch, appender);
        } finally {
            p.lock.unlock();
        }
    }

    /** Null when the batch may be appended; otherwise the decision (duplicate or error). */
    private static SequenceDecision judge(ProducerEntry entry, BatchSequence batch) {
        if (batch.producerEpoch() < entry.epoch) {
            return SequenceDecision.error(SequenceOutcome.INVALID_PRODUCER_EPOCH);
        }
        if (batch.producerEpoch() > entry.epoch) {
            return batch.firstSeq() == 0 ? null : SequenceDecision.error(SequenceOutcome.OUT_OF_ORDER_SEQUENCE);
        }
        CompletableFuture<AppendedBatch> original = entry.duplicateOf(batch.firstSeq(), batch.lastSeq());
        if (original != null) {
            return new SequenceDecision(SequenceOutcome.DUPLICATE, original);
        }
        int last = entry.lastSeq();
        if (last == ProducerEntry.NO_SEQUENCE || ProducerEntry.inSequence(last, batch.firstSeq())) {
            return null;
        }
        return SequenceDecision.error(SequenceOutcome.OUT_OF_ORDER_SEQUENCE);
    }

    private SequenceDecision submit(PartitionProducers p, ProducerEntry entry, BatchSequence batch,
                                    Supplier<CompletableFuture<AppendedBatch>> appender) {
        CompletableFuture<AppendedBatch> result = new CompletableFuture<>();
        ProducerEntry.InFlight reserved = new ProducerEntry.InFlight(batch.producerEpoch(), batch.firstSeq(),
                batch.lastSeq(), log.endOffset(p.topic, p.partition), entry.takeOrder(), result);
        entry.inFlight.add(reserved);
        CompletableFuture<AppendedBatch> stored;
        try {
            stored = appender.get();
        } catch (RuntimeException e) {
            entry.inFlight.remove(reserved);
            result.completeExceptionally(e);
            return new SequenceDecision(SequenceOutcome.APPEND, result);
        }
        stored.whenComplete((appended, failure) -> {
            p.lock.lock();
            try {
                entry.inFlight.remove(reserved);
                if (failure == null && entry.epoch == reserved.epoch()) {
                    entry.addAppended(new ProducerEntry.Batch(reserved.firstSeq(), reserved.lastSeq(), appended,
                            reserved.order()));
                }
                changes.incrementAndGet();
            } finally {
                p.lock.unlock();
            }
            if (failure == null) {
                result.complete(appended);
            } else {
                result.completeExceptionally(failure);
            }
        });
        return new SequenceDecision(SequenceOutcome.APPEND, result);
    }

    /**
     * Forgets producers idle for longer than the expiry with nothing in flight.
     *
     * @return how many (partition, producer) entries were dropped
     */
    public int expireIdle() {
        long now = clockMs.getAsLong();
        int dropped = 0;
        for (Iterator<Map.Entry<Key, PartitionProducers>> it = partitions.entrySet().iterator(); it.hasNext(); ) {
            PartitionProducers p = it.next().getValue();
            p.lock.lock();
            try {
                int before = p.producers.size();
                p.producers.values().removeIf(e -> e.inFlight.isEmpty() && now - e.lastUpdateMs >= expiryMs);
                dropped += before - p.producers.size();
                if (p.producers.isEmpty()) {
                    it.remove();
                }
            } finally {
                p.lock.unlock();
            }
        }
        if (dropped > 0) {
            changes.incrementAndGet();
        }
        return dropped;
    }

    /** Producers with state on the partition (for tests and metrics). */
    public int producerCount(String topic, int partition) {
        PartitionProducers p = partitions.get(new Key(topic, partition));
        if (p == null) {
            return 0;
        }
        p.lock.lock();
        try {
            return p.producers.size();
        } finally {
            p.lock.unlock();
        }
    }

    /**
     * Writes the snapshot file if the state or any partition's end offset changed since the last one. The end offsets
     * of every partition are read first; each partition with producers is then captured under its lock with its
     * replay offset (see the class comment). A partition without producers gets the end offset read first: any batch
     * not in the snapshot reaches it afterwards, so at or above that offset.
     *
     * @throws UncheckedIOException when the file cannot be written (the previous snapshot stays)
     */
    public synchronized void snapshot() {
        long changesNow = changes.get();
        Map<ProducerLog.LogPartition, Long> ends = new LinkedHashMap<>();
        for (ProducerLog.LogPartition p : log.partitions()) {
            ends.put(p, log.endOffset(p.topic(), p.partition()));
        }
        if (changesNow == changesAtLastSnapshot && ends.equals(endsAtLastSnapshot)) {
            return;
        }
        ProducerStateSnapshot snapshot = new ProducerStateSnapshot();
        Set<ProducerLog.LogPartition> written = new HashSet<>();
        for (PartitionProducers p : new ArrayList<>(partitions.values())) {
            p.lock.lock();
            try {
                snapshot.add(p, replayOffset(p));
            } finally {
                p.lock.unlock();
            }
            written.add(new ProducerLog.LogPartition(p.topic, p.partition));
        }
        ends.forEach((p, end) -> {
            if (!written.contains(p)) {
                snapshot.addEmpty(p.topic(), p.partition(), end);
            }
        });
        try {
            AtomicFiles.write(file, snapshot.toBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
        changesAtLastSnapshot = changesNow;
        endsAtLastSnapshot = ends;
    }

    /** Call holding the partition's lock. */
    private long replayOffset(PartitionProducers p) {
        long offset = log.endOffset(p.topic, p.partition);
        for (ProducerEntry entry : p.producers.values()) {
            for (ProducerEntry.InFlight f : entry.inFlight) {
                offset = Math.min(offset, f.floorOffset());
            }
        }
        return offset;
    }

    /** Writes the final snapshot; call after produce requests have stopped and before the store closes. */
    @Override
    public void close() {
        snapshot();
    }
}
