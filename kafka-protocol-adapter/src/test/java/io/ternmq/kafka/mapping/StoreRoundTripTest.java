package io.ternmq.kafka.mapping;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.buffer.Unpooled;
import io.ternmq.broker.store.AppendRequest;
import io.ternmq.broker.store.AppendResult;
import io.ternmq.broker.store.MessageDraft;
import io.ternmq.broker.store.MessageFilter;
import io.ternmq.broker.store.MessageStore;
import io.ternmq.broker.store.MessageStores;
import io.ternmq.broker.store.ReadBytesResult;
import io.ternmq.broker.store.ReadResult;
import io.ternmq.broker.store.StoreConfig;
import io.ternmq.kafka.record.CompressionType;
import io.ternmq.kafka.record.InvalidBatchException;
import io.ternmq.kafka.record.KafkaRecord;
import io.ternmq.kafka.record.RecordBatch;
import io.ternmq.kafka.record.RecordBatchReader;
import io.ternmq.kafka.record.RecordHeader;
import io.ternmq.protocol.message.MessageProperties;
import org.apache.kafka.common.compress.Compression;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.common.record.internal.MemoryRecords;
import org.apache.kafka.common.record.internal.MemoryRecordsBuilder;
import org.apache.kafka.common.record.internal.MutableRecordBatch;
import org.apache.kafka.common.record.internal.Record;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Produce to fetch through a real store: a batch built by kafka-clients is mapped, appended, read back as record
 * bytes and turned into batches that kafka-clients reads as the very same records, at the store's offsets.
 */
class StoreRoundTripTest {
    private static final int LIMIT = OrdersQueue.LIMIT;
    @TempDir
    Path dir;
    private OrdersQueue queue;
    private MessageStore store;

    @BeforeEach
    void open() {
        queue = new OrdersQueue(dir);
        store = queue.store;
    }

    @AfterEach
    void close() {
        queue.close();
    }

    @Test
    void aKafkaBatchComesBackFromTheStoreByteIdentical() throws Exception {
        queue.append(nativeDraft("first")); // so the Kafka batch does not start at offset 0
        List<KafkaRecord> records = MessageRecordMappingTest.awkwardRecords();
        RecordBatch produced = RecordBatchReader.readProduceBatch(KafkaClientsReads.kafkaClientsBatch(records, Compression.lz4().build()));

        DraftMapping mapping = RecordsToDrafts.toAppendRequest("orders", 0, produced.records(LIMIT), "10.0.0.9:5555");
        AppendResult result = queue.append(mapping.request());
        assertEquals(1, result.baseQueueOffset());
        assertEquals(records.size(), result.messageCount());

        for (CompressionType fetchCodec : CompressionType.values()) {
            ReadBytesResult read = queue.readBytes(1, records.size());
            ByteBuf out = PooledByteBufAllocator.DEFAULT.directBuffer();
            try {
                assertEquals(1, StoredToBatches.writeBatches(out, read.messages(), fetchCodec));
                assertEquals(records, KafkaClientsReads.readWithKafkaClients(out, 1), "fetched with " + fetchCodec);
            } finally {
                out.release();
            }
        }
    }

    @Test
    void nativeMessagesFetchWithKeysTagsAndPropertiesAndGapsSplitBatches() throws Exception {
        for (int i = 0; i < 4; i++) {
            queue.append(nativeDraft("m" + i));
        }
        List<io.ternmq.broker.store.read.StoredMessageBytes> all = queue.readBytes(0, 4).messages();
        List<io.ternmq.broker.store.read.StoredMessageBytes> withGap = List.of(all.get(0), all.get(1), all.get(3));
        ByteBuf out = Unpooled.buffer();
        assertEquals(2, StoredToBatches.writeBatches(out, withGap, CompressionType.ZSTD));

        List<Long> offsets = new ArrayList<>();
        List<KafkaRecord> fetched = new ArrayList<>();
        for (MutableRecordBatch batch : KafkaClientsReads.batches(out)) {
            for (Record r : batch) {
                offsets.add(r.offset());
                fetched.add(KafkaClientsReads.fromKafka(r));
            }
        }
        assertEquals(List.of(0L, 1L, 3L), offsets);
        KafkaRecord m3 = fetched.get(2);
        assertEquals("id-m3 other", new String(m3.key()));
        assertEquals("m3", new String(m3.value()));
        assertEquals(1_700_000_000_000L, m3.timestamp());
        assertEquals(List.of(new RecordHeader("color", "red".getBytes()), new RecordHeader(TernmqHeaders.TAGS,
                "TagA".getBytes())), m3.headers());
    }

    @Test
    void theProducerBatchPropertyOfAnIdempotentBatchIsNeitherAHeaderNorLostByEitherReadPath() throws Exception {
        List<KafkaRecord> records = MessageRecordMappingTest.awkwardRecords();
        DraftMapping mapping = RecordsToDrafts.toAppendRequest("orders", 0, records, "", 4711, (short) 3, 20,
                20 + records.size() - 1);
        queue.append(mapping.request());
        queue.awaitReadable(records.size());

        ReadResult read = store.read("orders", 0, 0, 100, LIMIT, MessageFilter.ACCEPT_ALL);
        assertEquals(new StoredBatchHeader(4711, (short) 3, 20, 20 + records.size() - 1, records.size()),
                StoredBatchHeader.parse(read.messages().get(0).properties().get(KafkaPropertyNames.PRODUCER_BATCH))
                        .orElseThrow(), "stored on the first message");
        assertTrue(read.messages().stream().skip(1)
                .noneMatch(m -> m.properties().containsKey(KafkaPropertyNames.PRODUCER_BATCH)), "only there");
        List<KafkaRecord> decoded = new ArrayList<>();
        read.messages().forEach(m -> decoded.add(MessageRecordMapping.toRecord(m.properties(), m.body(),
                m.bornTimestamp())));
        assertEquals(records, decoded, "decoded path: no extra header");

        ByteBuf out = Unpooled.buffer();
        StoredToBatches.writeBatches(out, queue.readBytes(0, records.size()).messages(), CompressionType.NONE);
        assertEquals(records, KafkaClientsReads.readWithKafkaClients(out, 0), "bytes path: no extra header");
    }

    @Test
    void theDecodedReadPathGivesTheSameBatchesAsTheBytesPath() throws Exception {
        List<KafkaRecord> records = MessageRecordMappingTest.awkwardRecords();
        queue.append(RecordsToDrafts.toAppendRequest("orders", 0, records, "").request());
        queue.awaitReadable(records.size());
        ReadResult read = store.read("orders", 0, 0, 100, LIMIT, MessageFilter.ACCEPT_ALL);
        ByteBuf viaDecoded = Unpooled.buffer();
        StoredToBatches.writeStoredMessages(viaDecoded, read.messages(), CompressionType.NONE);
        ByteBuf viaBytes = Unpooled.buffer();
        StoredToBatches.writeBatches(viaBytes, queue.readBytes(0, records.size()).messages(), CompressionType.NONE);
        assertEquals(records, KafkaClientsReads.readWithKafkaClients(viaDecoded, 0));
        assertTrue(ByteBufUtil.equals(viaDecoded, viaBytes));
    }

    private static MessageDraft nativeDraft(String body) {
        return MessageDraft.of(body.getBytes(), Map.of(MessageProperties.KEYS, "id-" + body + " other",
                MessageProperties.TAGS, "TagA", MessageProperties.UNIQ_KEY, "U" + body, "color", "red"),
                1_700_000_000_000L);
    }
}
