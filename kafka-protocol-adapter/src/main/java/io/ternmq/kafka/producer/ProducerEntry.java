package io.ternmq.kafka.producer;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * One producer's state on one partition: its current epoch, the last {@value #RETAINED_BATCHES} appended batches
 * (Kafka keeps 5, matching the client's default of 5 requests in flight) and the batches being appended now.
 * Mutable; guarded by the partition's lock ({@link PartitionProducers}).
 */
final class ProducerEntry {
    static final int RETAINED_BATCHES = 5;
    static final int NO_SEQUENCE = -1;

    /**
     * A batch in the store, with its sequence range.
     *
     * @param order when it was judged ({@link #takeOrder}): appends may complete out of order, sequences may wrap
     */
    record Batch(int firstSeq, int lastSeq, AppendedBatch appended, long order) {
    }

    /**
     * A batch handed to the store whose append has not completed yet.
     *
     * @param floorOffset the partition's end offset when it was handed over: the batch lands at or after it
     * @param order       when it was judged ({@link #takeOrder})
     */
    record InFlight(short epoch, int firstSeq, int lastSeq, long floorOffset, long order,
                    CompletableFuture<AppendedBatch> result) {
    }

    short epoch;
    long lastUpdateMs;
    /** In judging order (oldest first), whatever order their appends completed in. */
    final Deque<Batch> batches = new ArrayDeque<>();
    final List<InFlight> inFlight = new ArrayList<>();
    private long nextOrder;

    ProducerEntry(short epoch, long nowMs) {
        this.epoch = epoch;
        this.lastUpdateMs = nowMs;
    }

    /** The next judging order number. */
    long takeOrder() {
        return nextOrder++;
    }

    /**
     * The last sequence appended or being appended in the current epoch, or {@link #NO_SEQUENCE}: that of the batch
     * judged last, in flight or done (a later batch's append may complete before an earlier one's).
     */
    int lastSeq() {
        long latest = -1;
        int seq = NO_SEQUENCE;
        for (InFlight f : inFlight) {
            if (f.epoch() == epoch && f.order() > latest) {
                latest = f.order();
                seq = f.lastSeq();
            }
        }
        Batch last = batches.peekLast();
        return last != null && last.order() > latest ? last.lastSeq() : seq;
    }

    /** The placement of an earlier batch with exactly this range in the current epoch, or null. */
    CompletableFuture<AppendedBatch> duplicateOf(int firstSeq, int lastSeq) {
        for (Batch b : batches) {
            if (b.firstSeq() == firstSeq && b.lastSeq() == lastSeq) {
                return CompletableFuture.completedFuture(b.appended());
            }
        }
        for (InFlight f : inFlight) {
            if (f.epoch() == epoch && f.firstSeq() == firstSeq && f.lastSeq() == lastSeq) {
                return f.result();
            }
        }
        return null;
    }

    /** Adds a batch restored from a snapshot or the log, after every batch already known. */
    void addRestored(int firstSeq, int lastSeq, AppendedBatch appended) {
        addAppended(new Batch(firstSeq, lastSeq, appended, takeOrder()));
    }

    /** Adds a batch whose append completed, in judging order; keeps the {@value #RETAINED_BATCHES} latest. */
    void addAppended(Batch batch) {
        if (batches.isEmpty() || batches.peekLast().order() < batch.order()) {
            batches.addLast(batch);
        } else {
            List<Batch> ordered = new ArrayList<>(batches);
            int i = ordered.size();
            while (i > 0 && ordered.get(i - 1).order() > batch.order()) {
                i--;
            }
            ordered.add(i, batch);
            batches.clear();
            batches.addAll(ordered);
        }
        while (batches.size() > RETAINED_BATCHES) {
            batches.removeFirst();
        }
    }

    /**
     * Replays a batch found in the log (crash recovery): a newer epoch replaces the batches, a batch of the current
     * epoch is added when it comes after the last one; batches already known or older are ignored.
     */
    void replay(short batchEpoch, int firstSeq, int lastSeq, AppendedBatch appended) {
        if (batchEpoch < epoch) {
            return;
        }
        if (batchEpoch > epoch) {
            epoch = batchEpoch;
            batches.clear();
        }
        int last = lastSeq();
        if (last == NO_SEQUENCE || follows(last, firstSeq)) {
            addRestored(firstSeq, lastSeq, appended);
        }
    }

    /** Whether {@code firstSeq} comes after {@code lastSeq} (sequences count modulo 2^31). */
    private static boolean follows(int lastSeq, int firstSeq) {
        int distance = (firstSeq - lastSeq) & Integer.MAX_VALUE;
        return distance != 0 && distance < (1 << 30);
    }

    static boolean inSequence(int lastSeq, int firstSeq) {
        return firstSeq == lastSeq + 1 || (firstSeq == 0 && lastSeq == Integer.MAX_VALUE);
    }
}
