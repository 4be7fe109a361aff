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

    /**
     * A batch handed to the store whose append has not completed yet.
     *
     * @param floorOffset the partition's end offset when it was handed over: the batch lands at or after it
     */
    record InFlight(short epoch, int firstSeq, int lastSeq, long floorOffset, CompletableFuture<AppendedBatch> result) {
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

    /**
     * Replays a batch found in the log (crash recovery): a newer epoch replaces the batches, a batch of the current
     * epoch is added when it comes after the last one; batches already known or older are ignored.
     */
    void replay(short batchEpoch, Batch batch) {
        if (batchEpoch < epoch) {
            return;
        }
        if (batchEpoch > epoch) {
            epoch = batchEpoch;
            batches.clear();
        }
        int last = lastSeq();
        if (last == NO_SEQUENCE || follows(last, batch.firstSeq())) {
            addAppended(batch);
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
