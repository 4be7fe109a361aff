package io.ternmq.kafka.mapping;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.CompositeByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.buffer.UnpooledByteBufAllocator;
import io.ternmq.broker.store.AppendRequest;
import io.ternmq.broker.store.MessageDraft;
import io.ternmq.broker.store.MessageFilter;
import io.ternmq.broker.store.RecordCheck;
import io.ternmq.broker.store.StoredMessage;
import io.ternmq.broker.store.read.StoredMessageBytes;
import io.ternmq.kafka.record.CompressionType;
import io.ternmq.kafka.record.KafkaRecord;
import io.ternmq.kafka.record.RecordBatch;
import io.ternmq.kafka.record.RecordBatchReader;
import io.ternmq.protocol.message.MessageProperties;
import org.apache.kafka.common.compress.Compression;
import org.apache.kafka.common.errors.CorruptRecordException;
import org.apache.kafka.common.record.internal.MutableRecordBatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Uncompressed Kafka batches stored as they came ({@link RecordsToDrafts#toAttachedRequest}): a fetch sends the
 * producer's bytes with only the base offset set, native readers see the same messages as with any other mapping,
 * and damage is caught by the consumer's CRC check or by the store's record CRC, never served.
 */
class AttachedBatchFetchTest {
    @TempDir
    Path dir;
    private OrdersQueue queue;

    @BeforeEach
    void open() {
        queue = new OrdersQueue(dir);
    }

    @AfterEach
    void close() {
        queue.close();
    }

    @Test
    void aFetchSendsTheProducedBatchAsItCameWithItsQueueOffset() throws Exception {
        List<KafkaRecord> first = BatchViewFetchTest.records("a", 4);
        List<KafkaRecord> second = MessageRecordMappingTest.awkwardRecords();
        ByteBuf firstBatch = KafkaClientsReads.kafkaClientsBatch(first, Compression.NONE);
        ByteBuf secondBatch = KafkaClientsReads.kafkaClientsBatch(second, Compression.NONE);
        queue.append(attached(firstBatch));
        queue.append(attached(secondBatch));
        int total = first.size() + second.size();

        ByteBuf out = fetch(0, total);

        List<MutableRecordBatch> batches = KafkaClientsReads.batches(out);
        assertEquals(2, batches.size());
        assertEquals(first.size(), batches.get(1).baseOffset());
        assertEquals(99L, batches.get(1).producerId(), "the producer's fields are kept, as Kafka keeps them");
        byte[] sent = ByteBufUtil.getBytes(out);
        byte[] produced = concat(withBaseOffset(firstBatch, 0), withBaseOffset(secondBatch, first.size()));
        assertArrayEquals(produced, sent);
        List<KafkaRecord> expected = new ArrayList<>(first);
        expected.addAll(second);
        assertEquals(expected, KafkaClientsReads.readWithKafkaClients(out, 0));
    }

    @Test
    void aReadFromInsideABatchSendsItWholeAndTheConsumerSkipsToItsPosition() throws Exception {
        List<KafkaRecord> records = BatchViewFetchTest.records("m", 6);
        queue.append(attached(KafkaClientsReads.kafkaClientsBatch(records, Compression.NONE)));

        ByteBuf out = fetch(4, 2);

        assertEquals(0L, KafkaClientsReads.batches(out).get(0).baseOffset());
        List<KafkaRecord> fromPosition = KafkaClientsReads.readWithKafkaClients(out, 0).subList(4, 6);
        assertEquals(records.subList(4, 6), fromPosition);
    }

    @Test
    void nativeReadersSeeTheSameMessagesAsFromADecodedBatch() throws Exception {
        List<KafkaRecord> records = MessageRecordMappingTest.awkwardRecords();
        queue.append(attached(KafkaClientsReads.kafkaClientsBatch(records, Compression.NONE)));
        queue.awaitReadable(records.size());

        List<StoredMessage> read = queue.store.read(OrdersQueue.TOPIC, 0, 0, records.size(), OrdersQueue.LIMIT,
                MessageFilter.ACCEPT_ALL).messages();

        assertEquals(records.size(), read.size());
        for (int i = 0; i < records.size(); i++) {
            KafkaRecord r = records.get(i);
            StoredMessage m = read.get(i);
            byte[] body = r.value() == null ? new byte[0] : r.value();
            assertArrayEquals(body, m.body(), "body of record " + i);
            assertEquals(r.timestamp(), m.bornTimestamp());
            assertEquals(r, MessageRecordMapping.toRecord(m.properties(), m.body(), m.bornTimestamp()),
                    "record " + i + " through the native read");
        }
        assertEquals("idx1 idx2", read.get(8).properties().get(MessageProperties.KEYS));
        assertEquals("TagA", read.get(8).properties().get(MessageProperties.TAGS));
    }

    @Test
    void theStoredBatchSurvivesARestartThatRebuildsTheIndexes() throws Exception {
        List<KafkaRecord> records = BatchViewFetchTest.records("r", 5);
        queue.append(attached(KafkaClientsReads.kafkaClientsBatch(records, Compression.NONE)));
        queue.awaitReadable(records.size());
        queue.close();
        // without the ConsumeQueue the restart re-dispatches every record from the CommitLog
        deleteRecursively(dir.resolve("consumequeue"));
        queue = new OrdersQueue(dir);

        assertEquals(records, KafkaClientsReads.readWithKafkaClients(fetch(0, records.size()), 0));
    }

    @Test
    void damageInsideTheStoredBatchIsCaughtByTheConsumerAndNeverServedToNativeReaders() throws Exception {
        List<KafkaRecord> records = BatchViewFetchTest.records("value-to-damage-", 3);
        queue.append(attached(KafkaClientsReads.kafkaClientsBatch(records, Compression.NONE)));
        queue.awaitReadable(3);
        BatchViewFetchTest.flipByteOf(dir, "value-to-damage-1");

        ByteBuf out = fetch(0, 3);
        assertThrows(CorruptRecordException.class, () -> KafkaClientsReads.batches(out));
        assertEquals(0, queue.store.readBytes(OrdersQueue.TOPIC, 0, 0, 3, OrdersQueue.LIMIT, MessageFilter.ACCEPT_ALL,
                RecordCheck.ON_READ).messages().size(), "the store's record CRC refuses the damaged record");
    }

    @Test
    void aStoredBatchWhoseUncheckedFieldsDisagreeIsRebuiltAndItsDamagedRecordNotServed() throws Exception {
        List<KafkaRecord> records = BatchViewFetchTest.records("b", 2);
        ByteBuf batch = KafkaClientsReads.kafkaClientsBatch(records, Compression.NONE);
        queue.append(attached(batch));
        queue.awaitReadable(2);
        // the batch length field is outside the batch CRC: damage there must not reach the consumer
        byte[] lengthField = Arrays.copyOfRange(ByteBufUtil.getBytes(batch), 0, 12);
        BatchViewFetchTest.flipByteOf(dir, new String(lengthField, StandardCharsets.ISO_8859_1),
                StandardCharsets.ISO_8859_1);

        ByteBuf out = Unpooled.buffer();
        StoredToBatches.writeBatches(out, queue.store.readBytes(OrdersQueue.TOPIC, 0, 0, 2, OrdersQueue.LIMIT,
                MessageFilter.ACCEPT_ALL, RecordCheck.BY_CALLER).messages(), CompressionType.NONE);
        assertEquals(0, out.readableBytes(), "the record fails its CRC, so nothing of it is sent");
    }

    @Test
    void theFetchPathLinksStoredBatchesAndSendsTheSameBytesAsACopy() throws Exception {
        queue.append(MessageDraft.of("native-before".getBytes(StandardCharsets.UTF_8), Map.of(), 1L));
        queue.append(attached(KafkaClientsReads.kafkaClientsBatch(BatchViewFetchTest.records("l", 5), Compression.NONE)));
        queue.append(MessageDraft.of("native-after".getBytes(StandardCharsets.UTF_8), Map.of(), 2L));
        List<StoredMessageBytes> read = queue.readBytes(0, 7, RecordCheck.BY_CALLER).messages();

        ByteBuf copied = Unpooled.buffer();
        StoredToBatches.writeBatches(copied, read, CompressionType.NONE);
        LinkedRecords linked = new LinkedRecords(UnpooledByteBufAllocator.DEFAULT, 64);
        assertEquals(3, StoredToBatches.writeBatches(linked, read));
        ByteBuf records = linked.finish();
        try {
            assertEquals(3, ((CompositeByteBuf) records).numComponents(), "built, linked, built");
            assertArrayEquals(ByteBufUtil.getBytes(copied), ByteBufUtil.getBytes(records));
            assertEquals(7, KafkaClientsReads.readWithKafkaClients(records, 0).size());
        } finally {
            records.release();
        }
    }

    /** The append a produce of this batch makes (its producer id 99 kept on the first message). */
    private static AppendRequest attached(ByteBuf produced) throws Exception {
        RecordBatch batch = RecordBatchReader.readProduceBatch(produced.duplicate());
        DraftMapping mapping = RecordsToDrafts.toAttachedRequest(OrdersQueue.TOPIC, 0, batch.buffer().nioBuffer(),
                batch.locatedRecords(), "", batch.producerId(), batch.producerEpoch(), batch.baseSequence(),
                batch.lastSequence());
        assertEquals(MappingStatus.MAPPED, mapping.status(), mapping.detail());
        assertTrue(mapping.request().attached() != null);
        return mapping.request();
    }

    private ByteBuf fetch(long offset, int count) {
        ByteBuf out = Unpooled.buffer();
        StoredToBatches.writeBatches(out, queue.readBytes(offset, count, RecordCheck.BY_CALLER).messages(),
                CompressionType.NONE);
        return out;
    }

    private static byte[] withBaseOffset(ByteBuf batch, long baseOffset) {
        byte[] bytes = ByteBufUtil.getBytes(batch);
        ByteBuffer.wrap(bytes).putLong(0, baseOffset);
        return bytes;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static void deleteRecursively(Path path) throws Exception {
        try (Stream<Path> walk = Files.walk(path)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
