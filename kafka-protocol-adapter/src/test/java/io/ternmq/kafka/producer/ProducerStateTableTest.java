package io.ternmq.kafka.producer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProducerStateTableTest {
    private static final long PID = 1000;

    /**
     * A store stand-in: assigns offsets in submission order at once (like the real store's append) and keeps each
     * batch's sequences for replay, but completes each append only when the test says, so appends can be kept in
     * flight.
     */
    final class FakeLog implements ProducerLog {
        private record Pending(CompletableFuture<AppendedBatch> future, AppendedBatch placement) {
        }

        final Map<LogPartition, Long> end = new LinkedHashMap<>();
        final Map<LogPartition, List<StoredBatch>> stored = new HashMap<>();
        final List<Pending> pending = new ArrayList<>();
        int appends;

        CompletableFuture<AppendedBatch> append(String topic, int partition, BatchSequence sequence) {
            LogPartition key = new LogPartition(topic, partition);
            int records = sequence.lastSeq() - sequence.firstSeq() + 1;
            long base = end.getOrDefault(key, 0L);
            end.put(key, base + records);
            stored.computeIfAbsent(key, k -> new ArrayList<>())
                    .add(new StoredBatch(sequence, base, base + records - 1, now.get()));
            appends++;
            CompletableFuture<AppendedBatch> f = new CompletableFuture<>();
            pending.add(new Pending(f, new AppendedBatch(base, base + records - 1, 100 + base)));
            return f;
        }

        void completeAll() {
            pending.forEach(p -> p.future().complete(p.placement()));
            pending.clear();
        }

        @Override
        public long endOffset(String topic, int partition) {
            return end.getOrDefault(new LogPartition(topic, partition), 0L);
        }

        @Override
        public List<LogPartition> partitions() {
            return List.copyOf(end.keySet());
        }

        @Override
        public void readBatches(String topic, int partition, long from, long to, Consumer<StoredBatch> sink) {
            stored.getOrDefault(new LogPartition(topic, partition), List.of()).stream()
                    .filter(b -> b.baseOffset() >= from && b.baseOffset() < to).forEach(sink);
        }
    }

    private final AtomicLong now = new AtomicLong(1_000_000);
    private final FakeLog log = new FakeLog();

    private ProducerStateTable open(Path dir) {
        return ProducerStateTable.open(dir, now::get, Duration.ofHours(1), log);
    }

    private SequenceDecision send(ProducerStateTable table, int epoch, int firstSeq, int lastSeq) {
        BatchSequence sequence = new BatchSequence(PID, (short) epoch, firstSeq, lastSeq);
        return table.append("t", 0, sequence, () -> log.append("t", 0, sequence));
    }

    private SequenceDecision sendNow(ProducerStateTable table, int epoch, int firstSeq, int lastSeq) {
        SequenceDecision d = send(table, epoch, firstSeq, lastSeq);
        log.completeAll();
        return d;
    }

    @Test
    void retriesOfFiveInFlightBatchesAreDuplicatesAnsweredWithTheOriginalOffsets(@TempDir Path dir) {
        ProducerStateTable table = open(dir);
        List<SequenceDecision> firsts = new ArrayList<>();
        for (int i = 0; i < 5; i++) { // 5 requests in flight, 10 records each
            SequenceDecision d = send(table, 0, i * 10, i * 10 + 9);
            assertEquals(SequenceOutcome.APPEND, d.outcome(), "batch " + i + " follows the in-flight one before it");
            firsts.add(d);
        }
        // batch 3 is retried while still in flight: recognised, waits for the original
        SequenceDecision retryInFlight = send(table, 0, 30, 39);
        assertEquals(SequenceOutcome.DUPLICATE, retryInFlight.outcome());
        assertFalse(retryInFlight.result().isDone());
        log.completeAll();
        assertEquals(new AppendedBatch(30, 39, 130), retryInFlight.result().join());
        assertEquals(new AppendedBatch(0, 9, 100), firsts.get(0).result().join());
        // every one of the 5 is retried after completion: all duplicates, nothing appended again
        for (int i = 0; i < 5; i++) {
            SequenceDecision retry = send(table, 0, i * 10, i * 10 + 9);
            assertEquals(SequenceOutcome.DUPLICATE, retry.outcome());
            assertEquals(firsts.get(i).result().join(), retry.result().join());
        }
        assertEquals(5, log.appends);
        assertEquals(50, log.endOffset("t", 0));
        // a sixth batch pushes the first out of the cache: its retry is then out of order
        assertEquals(SequenceOutcome.APPEND, sendNow(table, 0, 50, 59).outcome());
        assertEquals(SequenceOutcome.OUT_OF_ORDER_SEQUENCE, send(table, 0, 0, 9).outcome());
        assertEquals(SequenceOutcome.DUPLICATE, send(table, 0, 10, 19).outcome());
    }

    @Test
    void aGapIsOutOfOrderAndNothingIsAppended(@TempDir Path dir) {
        ProducerStateTable table = open(dir);
        assertEquals(SequenceOutcome.APPEND, sendNow(table, 0, 0, 4).outcome());
        SequenceDecision gap = send(table, 0, 6, 9);
        assertEquals(SequenceOutcome.OUT_OF_ORDER_SEQUENCE, gap.outcome());
        assertEquals(45, gap.outcome().errorCode());
        assertNull(gap.result());
        assertEquals(SequenceOutcome.OUT_OF_ORDER_SEQUENCE, send(table, 0, 2, 4).outcome(), "overlaps, not exact");
        assertEquals(1, log.appends);
        assertEquals(SequenceOutcome.APPEND, sendNow(table, 0, 5, 9).outcome());
    }

    @Test
    void aHigherEpochMustRestartAtZeroAndALowerEpochIsFenced(@TempDir Path dir) {
        ProducerStateTable table = open(dir);
        assertEquals(SequenceOutcome.APPEND, sendNow(table, 0, 0, 9).outcome());
        assertEquals(SequenceOutcome.OUT_OF_ORDER_SEQUENCE, send(table, 1, 10, 19).outcome());
        assertEquals(SequenceOutcome.APPEND, sendNow(table, 1, 0, 4).outcome(), "KIP-360 client-side bump");
        assertEquals(SequenceOutcome.INVALID_PRODUCER_EPOCH, send(table, 0, 10, 19).outcome());
        assertEquals(47, SequenceOutcome.INVALID_PRODUCER_EPOCH.errorCode());
        assertEquals(SequenceOutcome.APPEND, sendNow(table, 1, 5, 9).outcome());
        assertEquals(SequenceOutcome.OUT_OF_ORDER_SEQUENCE, send(table, 1, 0, 9).outcome(),
                "the old epoch's batches no longer count as duplicates");
    }

    @Test
    void anUnknownProducerMayStartAtAnySequenceAndSequencesWrapAfterIntMax(@TempDir Path dir) {
        ProducerStateTable table = open(dir);
        assertEquals(SequenceOutcome.APPEND, sendNow(table, 3, Integer.MAX_VALUE - 1, Integer.MAX_VALUE).outcome());
        assertEquals(SequenceOutcome.APPEND, sendNow(table, 3, 0, 1).outcome());
    }

    @Test
    void aFailedAppendIsForgottenSoItsRetryIsAppended(@TempDir Path dir) {
        ProducerStateTable table = open(dir);
        assertEquals(SequenceOutcome.APPEND, sendNow(table, 0, 0, 4).outcome());
        SequenceDecision failing = table.append("t", 0, new BatchSequence(PID, (short) 0, 5, 9),
                () -> CompletableFuture.failedFuture(new IllegalStateException("disk full")));
        assertThrows(CompletionException.class, () -> failing.result().join());
        assertEquals(SequenceOutcome.APPEND, sendNow(table, 0, 5, 9).outcome());
    }

    @Test
    void idleProducersExpireAndAreThenAcceptedAtAnySequence(@TempDir Path dir) {
        ProducerStateTable table = open(dir);
        sendNow(table, 0, 0, 9);
        now.addAndGet(Duration.ofMinutes(59).toMillis());
        assertEquals(0, table.expireIdle());
        now.addAndGet(Duration.ofMinutes(1).toMillis());
        assertEquals(1, table.expireIdle());
        assertEquals(0, table.producerCount("t", 0));
        assertEquals(SequenceOutcome.APPEND, sendNow(table, 0, 500, 509).outcome());
    }

    @Test
    void stateSurvivesACleanRestart(@TempDir Path dir) {
        ProducerStateTable table = open(dir);
        sendNow(table, 2, 0, 9);
        sendNow(table, 2, 10, 19);
        table.close();
        ProducerStateTable reopened = open(dir);
        SequenceDecision retry = send(reopened, 2, 10, 19);
        assertEquals(SequenceOutcome.DUPLICATE, retry.outcome());
        assertEquals(new AppendedBatch(10, 19, 110), retry.result().join());
        assertEquals(SequenceOutcome.INVALID_PRODUCER_EPOCH, send(reopened, 1, 0, 0).outcome());
        assertEquals(SequenceOutcome.APPEND, sendNow(reopened, 2, 20, 29).outcome());
    }

    @Test
    void afterACrashTheBatchesWrittenSinceTheSnapshotAreReplayedFromTheLog(@TempDir Path dir) {
        ProducerStateTable table = open(dir);
        sendNow(table, 0, 0, 9);
        BatchSequence other = new BatchSequence(7, (short) 0, 0, 0);
        table.append("u", 0, other, () -> log.append("u", 0, other));
        log.completeAll();
        table.snapshot();
        sendNow(table, 0, 10, 19); // written after the snapshot, then kill -9
        ProducerStateTable afterCrash = open(dir);
        SequenceDecision retry = send(afterCrash, 0, 10, 19);
        assertEquals(SequenceOutcome.DUPLICATE, retry.outcome(), "replayed from the log");
        assertEquals(10, retry.result().join().baseOffset());
        assertEquals(1, afterCrash.producerCount("u", 0), "untouched since the snapshot: exact");
        assertEquals(SequenceOutcome.OUT_OF_ORDER_SEQUENCE, send(afterCrash, 0, 21, 29).outcome());
        assertEquals(SequenceOutcome.APPEND, sendNow(afterCrash, 0, 20, 29).outcome());
    }

    @Test
    void aBatchInFlightDuringTheSnapshotIsReplayedAfterACrash(@TempDir Path dir) {
        ProducerStateTable table = open(dir);
        sendNow(table, 0, 0, 9);
        SequenceDecision inFlight = send(table, 0, 10, 19);
        table.snapshot(); // records the offset the in-flight batch was handed over at, not the end offset
        log.completeAll();
        assertEquals(10, inFlight.result().join().baseOffset());
        sendNow(table, 0, 20, 29);
        ProducerStateTable afterCrash = open(dir);
        assertEquals(SequenceOutcome.DUPLICATE, send(afterCrash, 0, 10, 19).outcome());
        assertEquals(SequenceOutcome.DUPLICATE, send(afterCrash, 0, 20, 29).outcome());
        assertEquals(SequenceOutcome.APPEND, sendNow(afterCrash, 0, 30, 39).outcome(),
                "an old batch seen again in the replay does not move the last sequence back");
    }

    @Test
    void aCleanRestartNeedsNoReplayAndAPartitionCreatedLaterIsReplayedFromItsStart(@TempDir Path dir) {
        ProducerStateTable table = open(dir);
        sendNow(table, 0, 0, 9);
        table.close();
        log.stored.clear(); // a clean restart must not need the log
        ProducerStateTable reopened = open(dir);
        assertEquals(SequenceOutcome.DUPLICATE, send(reopened, 0, 0, 9).outcome());

        BatchSequence fresh = new BatchSequence(8, (short) 2, 0, 4);
        reopened.append("new-topic", 3, fresh, () -> log.append("new-topic", 3, fresh));
        log.completeAll(); // not in any snapshot when the broker dies
        ProducerStateTable afterCrash = open(dir);
        assertEquals(SequenceOutcome.DUPLICATE, afterCrash.append("new-topic", 3, fresh,
                () -> log.append("new-topic", 3, fresh)).outcome());
    }

    @Test
    void aCorruptSnapshotIsSetAsideAndEveryProducerStartsUnknown(@TempDir Path dir) throws Exception {
        ProducerStateTable table = open(dir);
        sendNow(table, 0, 0, 9);
        table.close();
        Path file = dir.resolve(ProducerStateSnapshot.FILE_NAME);
        byte[] bytes = Files.readAllBytes(file);
        bytes[10] ^= 1;
        Files.write(file, bytes);
        ProducerStateTable reopened = open(dir);
        assertEquals(0, reopened.producerCount("t", 0));
        assertTrue(Files.exists(dir.resolve(ProducerStateSnapshot.FILE_NAME + ".corrupt")));
    }
}
