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

    /** A batch in the store, with its sequence range. */
    record Batch(int firstSeq, int lastSeq, AppendedBatch appended) {
    }

    /** A batch handed to the store whose append has not completed yet. */
    record InFlight(short epoch, int firstSeq, int lastSeq, CompletableFuture<AppendedBatch> result) {
    }

    short epoch;
    long lastUpdateMs;
    final Deque<Batch> batches = new ArrayDeque<>();
    final List<InFlight> inFlight = new ArrayList<>();

    ProducerEntry(short epoch, long nowMs) {
        this.epoch = epoch;
        this.lastUpdateMs = nowMs;
    }

    /** The last sequence appended or being appended in the current epoch, or {@link #NO_SEQUENCE}. */
    int lastSeq() {
        for (int i = inFlight.size() - 1; i >= 0; i--) {
            if (inFlight.get(i).epoch() == epoch) {
                return inFlight.get(i).lastSeq();
            }
        }
        return batches.isEmpty() ? NO_SEQUENCE : batches.peekLast().lastSeq();
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

    void addAppended(Batch batch) {
        batches.addLast(batch);
        while (batches.size() > RETAINED_BATCHES) {
            batches.removeFirst();
        }
    }

    static boolean inSequence(int lastSeq, int firstSeq) {
        return firstSeq == lastSeq + 1 || (firstSeq == 0 && lastSeq == Integer.MAX_VALUE);
    }
}
