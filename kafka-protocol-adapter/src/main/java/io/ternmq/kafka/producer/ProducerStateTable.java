package io.ternmq.kafka.producer;

import io.ternmq.broker.store.AtomicFiles;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
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
 * {@link #snapshot} writes every partition to {@code producer-state.snapshot} (layout in
 * {@link ProducerStateSnapshot}) atomically; the owner calls it periodically and {@link #close} writes it at
 * shutdown. Each partition is recorded with the store's end offset at that moment. On {@link #open}, a partition is
 * restored only if the store's end offset is still exactly that value, i.e. nothing was written to it after the
 * snapshot; this is always the case after a clean shutdown (appends stopped first). After a crash, partitions written
 * since the last snapshot lose their producer state instead of keeping a stale one: their producers are unknown and
 * any sequence is accepted, so a batch retried across the crash whose first attempt was already written is written
 * again (a duplicate, as with a non-idempotent producer) — but no producer is ever refused with OUT_OF_ORDER because
 * of the lost state. Kafka avoids even that by rebuilding the state from the log's batch headers; the equivalent here
 * would be to store producer id, epoch and sequence as message properties and re-read the tail of each queue since
 * the snapshot on open. Not implemented yet.
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
    private final EndOffsets endOffsets;
    private final ConcurrentMap<Key, PartitionProducers> partitions = new ConcurrentHashMap<>();
    private final AtomicLong changes = new AtomicLong();
    private long changesAtLastSnapshot = -1;

    private ProducerStateTable(Path dir, LongSupplier clockMs, Duration expiry, EndOffsets endOffsets) {
        this.file = dir.resolve(ProducerStateSnapshot.FILE_NAME);
        this.clockMs = clockMs;
        this.expiryMs = expiry.toMillis();
        this.endOffsets = endOffsets;
    }

    /**
     * Opens the table, restoring partitions from the snapshot in {@code dir} whose end offset still matches the store.
     * A corrupt snapshot is moved aside ({@code .corrupt}) and the table starts empty (every producer unknown).
     *
     * @param dir        e.g. {@code <storePathRootDir>/kafka}
     * @param clockMs    wall-clock milliseconds (expiry)
     * @param expiry     idle time after which a producer's state is dropped
     * @param endOffsets the store's end offsets, to tell whether a snapshotted partition is still current
     */
    public static ProducerStateTable open(Path dir, LongSupplier clockMs, Duration expiry, EndOffsets endOffsets) {
        ProducerStateTable table = new ProducerStateTable(dir, clockMs, expiry, endOffsets);
        table.load();
        return table;
    }

    private void load() {
        if (!Files.exists(file)) {
            return;
        }
        List<ProducerStateSnapshot.PartitionImage> images;
        try {
            images = ProducerStateSnapshot.read(Files.readAllBytes(file));
        } catch (ProducerStateSnapshot.CorruptSnapshotException e) {
            LOG.log(System.Logger.Level.WARNING, "ignoring corrupt producer state snapshot " + file + ": "
                    + e.getMessage() + "; producers are unknown until they write again");
            moveAside();
            return;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        long now = clockMs.getAsLong();
        for (ProducerStateSnapshot.PartitionImage image : images) {
            long current = endOffsets.endOffset(image.topic(), image.partition());
            if (image.endOffset() < 0 || image.endOffset() != current) {
                LOG.log(System.Logger.Level.INFO, "producer state of " + image.topic() + "-" + image.partition()
                        + " is older than the log (" + image.endOffset() + " vs " + current + "), dropped");
                continue;
            }
            PartitionProducers p = new PartitionProducers(image.topic(), image.partition());
            image.producers().forEach((id, entry) -> {
                if (now - entry.lastUpdateMs < expiryMs) {
                    p.producers.put(id, entry);
                }
            });
            if (!p.producers.isEmpty()) {
                partitions.put(new Key(image.topic(), image.partition()), p);
            }
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
                batch.lastSeq(), result);
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
                    entry.addAppended(new ProducerEntry.Batch(reserved.firstSeq(), reserved.lastSeq(), appended));
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
     * Writes the snapshot file if anything changed since the last one. Each partition is captured under its lock
     * together with the store's end offset; a partition with appends in flight is recorded with end offset -1 (not
     * restored after a crash).
     *
     * @throws UncheckedIOException when the file cannot be written (the previous snapshot stays)
     */
    public synchronized void snapshot() {
        long changesNow = changes.get();
        if (changesNow == changesAtLastSnapshot) {
            return;
        }
        ProducerStateSnapshot snapshot = new ProducerStateSnapshot();
        for (PartitionProducers p : new ArrayList<>(partitions.values())) {
            p.lock.lock();
            try {
                snapshot.add(p, p.hasInFlight() ? -1 : endOffsets.endOffset(p.topic, p.partition));
            } finally {
                p.lock.unlock();
            }
        }
        try {
            AtomicFiles.write(file, snapshot.toBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
        changesAtLastSnapshot = changesNow;
    }

    /** Writes the final snapshot; call after produce requests have stopped and before the store closes. */
    @Override
    public void close() {
        snapshot();
    }
}
