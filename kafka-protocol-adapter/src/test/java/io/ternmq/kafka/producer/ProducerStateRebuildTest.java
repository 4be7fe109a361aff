package io.ternmq.kafka.producer;

import io.ternmq.broker.store.AppendResult;
import io.ternmq.broker.store.MessageStore;
import io.ternmq.broker.store.MessageStores;
import io.ternmq.broker.store.StoreConfig;
import io.ternmq.kafka.mapping.RecordsToDrafts;
import io.ternmq.kafka.record.KafkaRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Crash recovery of the idempotent producer state against a real store: batches are appended the way the produce
 * path appends them (mapped with their producer id, epoch and sequences), the table is then reopened from a snapshot
 * older than the log, as after kill -9, and must know the batches written since from the log alone.
 */
class ProducerStateRebuildTest {
    private static final long PID = 4242;
    private static final int RECORDS = 3;
    @TempDir
    Path dir;
    private final List<String> topics = new ArrayList<>(List.of("orders"));
    private MessageStore store;

    @AfterEach
    void close() {
        if (store != null) {
            store.close();
        }
    }

    private void openStore() {
        store = MessageStores.open(StoreConfig.defaults(dir.resolve("store")).withSegmentSize(8 << 20));
    }

    private ProducerStateTable openTable() {
        return ProducerStateTable.open(dir.resolve("kafka"), System::currentTimeMillis, Duration.ofHours(1),
                new StoreProducerLog(store, () -> List.copyOf(topics)));
    }

    /** Sends a batch of RECORDS records with sequences firstSeq.. and waits until it is stored and readable. */
    private SequenceDecision send(ProducerStateTable table, String topic, int epoch, int firstSeq) throws Exception {
        List<KafkaRecord> records = new ArrayList<>();
        for (int i = 0; i < RECORDS; i++) {
            records.add(KafkaRecord.of(1_700_000_000_000L, null, ("seq-" + (firstSeq + i)).getBytes()));
        }
        int lastSeq = firstSeq + RECORDS - 1;
        SequenceDecision d = table.append(topic, 0, new BatchSequence(PID, (short) epoch, firstSeq, lastSeq),
                () -> store.append(RecordsToDrafts.toAppendRequest(topic, 0, records, "", PID, (short) epoch,
                        firstSeq, lastSeq).request()).thenApply(ProducerStateRebuildTest::placement));
        if (d.result() != null) {
            AppendedBatch placed = d.result().get(10, TimeUnit.SECONDS);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (store.maxOffset(topic, 0) <= placed.lastOffset()) {
                assertTrue(System.nanoTime() < deadline, "batch not readable within 10 s");
                Thread.sleep(5);
            }
        }
        return d;
    }

    private static AppendedBatch placement(AppendResult r) {
        assertTrue(r.ok(), r.toString());
        return new AppendedBatch(r.baseQueueOffset(), r.baseQueueOffset() + r.messageCount() - 1, -1);
    }

    @Test
    void aBatchWrittenAfterTheLastSnapshotIsADuplicateWhenRetriedAfterACrash() throws Exception {
        openStore();
        ProducerStateTable table = openTable();
        send(table, "orders", 0, 0);
        table.snapshot();
        AppendedBatch afterSnapshot = send(table, "orders", 0, RECORDS).result().join();
        // kill -9: no final snapshot; the store keeps what it acknowledged
        store.close();
        openStore();

        ProducerStateTable recovered = openTable();
        SequenceDecision retry = send(recovered, "orders", 0, RECORDS);
        assertEquals(SequenceOutcome.DUPLICATE, retry.outcome(), "the batch is known from the log");
        assertEquals(afterSnapshot, retry.result().join(), "answered with the original offsets");
        assertEquals(2L * RECORDS, store.maxOffset("orders", 0), "nothing written twice");
        assertEquals(SequenceOutcome.OUT_OF_ORDER_SEQUENCE, send(recovered, "orders", 0, 3 * RECORDS + 1).outcome(),
                "the last sequence is known: a gap is refused");
        assertEquals(SequenceOutcome.APPEND, send(recovered, "orders", 0, 2 * RECORDS).outcome());
    }

    @Test
    void aPartitionCreatedAfterTheSnapshotIsReplayedFromItsStartAndACleanRestartScansNothing() throws Exception {
        openStore();
        ProducerStateTable table = openTable();
        table.snapshot();
        topics.add("fresh");
        AppendedBatch first = send(table, "fresh", 5, 0).result().join();
        store.close(); // crash: the snapshot does not know "fresh"
        openStore();

        ProducerStateTable recovered = openTable();
        SequenceDecision retry = send(recovered, "fresh", 5, 0);
        assertEquals(SequenceOutcome.DUPLICATE, retry.outcome());
        assertEquals(first, retry.result().join());
        assertEquals(SequenceOutcome.INVALID_PRODUCER_EPOCH, send(recovered, "fresh", 4, 0).outcome(),
                "the epoch is known too");

        recovered.close(); // clean shutdown: the snapshot is current
        ProducerStateTable reopened = openTable();
        assertEquals(1, reopened.producerCount("fresh", 0));
        assertEquals(SequenceOutcome.DUPLICATE, send(reopened, "fresh", 5, 0).outcome());
    }
}
