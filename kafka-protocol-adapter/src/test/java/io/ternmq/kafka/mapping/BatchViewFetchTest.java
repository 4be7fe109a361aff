package io.ternmq.kafka.mapping;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.ternmq.broker.store.MessageDraft;
import io.ternmq.broker.store.MessageFilter;
import io.ternmq.broker.store.RecordCheck;
import io.ternmq.broker.store.StoredMessage;
import io.ternmq.broker.store.read.StoredMessageBytes;
import io.ternmq.kafka.record.CompressionType;
import io.ternmq.kafka.record.KafkaRecord;
import io.ternmq.kafka.record.RecordHeader;
import io.ternmq.protocol.message.MessageProperties;
import org.apache.kafka.common.errors.CorruptRecordException;
import org.apache.kafka.common.record.internal.MutableRecordBatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The batch CRC computed at append time ({@link BatchView}): a produced batch read back whole is sent with it, and
 * kafka-clients accepts it; anything else gets a CRC computed at fetch time; damage is caught either by the store's
 * record CRC (never served) or by the consumer's batch CRC check (end to end).
 */
class BatchViewFetchTest {
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
    void thePropertyValueRoundTripsAndAnythingElseIsNotAView() {
        BatchView view = new BatchView(0xCAFEBABE, 17, 17 * 1024L, 123, -1L);
        String value = view.toProperty();
        assertEquals(view, BatchView.parse(value));
        assertEquals(BatchView.ENTRY_BYTES, 4 + KafkaPropertyNames.BATCH_VIEW.length() + value.length());
        assertNull(BatchView.parse(null));
        assertNull(BatchView.parse("v2" + value.substring(2)), "another version");
        assertNull(BatchView.parse(value.substring(1)), "wrong length");
        assertNull(BatchView.parse(value.replace(':', ';')), "malformed");
        assertNull(BatchView.parse("v1:cafebabe:0000000g:" + value.substring(21)), "not hex");
    }

    @Test
    void consecutiveProducedBatchesComeBackAsTheirOwnBatchesWithTheCrcFromAppendTime() throws Exception {
        List<KafkaRecord> first = records("a", 5);
        List<KafkaRecord> second = MessageRecordMappingTest.awkwardRecords();
        queue.append(RecordsToDrafts.toAppendRequest(OrdersQueue.TOPIC, 0, first, "").request());
        queue.append(RecordsToDrafts.toAppendRequest(OrdersQueue.TOPIC, 0, second, "").request());
        int total = first.size() + second.size();

        ByteBuf out = fetch(0, total);

        // the path that computes CRCs would have made one batch of the one run of offsets
        List<MutableRecordBatch> batches = KafkaClientsReads.batches(out);
        assertEquals(2, batches.size());
        assertEquals(List.of(0L, (long) first.size()), List.of(batches.get(0).baseOffset(), batches.get(1).baseOffset()));
        List<KafkaRecord> expected = new ArrayList<>(first);
        expected.addAll(second);
        assertEquals(expected, KafkaClientsReads.readWithKafkaClients(out, 0));
    }

    @Test
    void aBatchReadFromItsMiddleOrCutShortGetsAComputedCrc() throws Exception {
        List<KafkaRecord> records = records("m", 8);
        queue.append(RecordsToDrafts.toAppendRequest(OrdersQueue.TOPIC, 0, records, "").request());

        assertEquals(records.subList(3, 8), KafkaClientsReads.readWithKafkaClients(fetch(3, 5), 3));
        assertEquals(records.subList(0, 6), KafkaClientsReads.readWithKafkaClients(fetch(0, 6), 0));
    }

    @Test
    void aCopyOfTheFirstMessageWithOtherPropertiesDoesNotPassForTheBatch() throws Exception {
        List<KafkaRecord> records = records("c", 1);
        queue.append(RecordsToDrafts.toAppendRequest(OrdersQueue.TOPIC, 0, records, "").request());
        queue.awaitReadable(1);
        StoredMessage original = queue.store.read(OrdersQueue.TOPIC, 0, 0, 1, OrdersQueue.LIMIT, MessageFilter.ACCEPT_ALL)
                .messages().get(0);
        assertNotNull(BatchView.parse(original.properties().get(KafkaPropertyNames.BATCH_VIEW)));
        // as a retry or dead-letter copy is made: same body and properties plus the broker's, a new born time
        Map<String, String> copied = new HashMap<>(original.properties());
        copied.put(MessageProperties.ORIGIN_MESSAGE_ID, "0000000000000000-0");
        queue.append(MessageDraft.of(original.body(), copied, original.bornTimestamp() + 5_000));

        List<KafkaRecord> fetched = KafkaClientsReads.readWithKafkaClients(fetch(1, 1), 1);
        assertEquals(original.bornTimestamp() + 5_000, fetched.get(0).timestamp());
        assertEquals(new String(records.get(0).value(), StandardCharsets.UTF_8),
                new String(fetched.get(0).value(), StandardCharsets.UTF_8));
    }

    @Test
    void damageInAProducedBatchIsCaughtByTheConsumersCrcCheck() throws Exception {
        List<KafkaRecord> records = records("value-to-damage-", 3);
        queue.append(RecordsToDrafts.toAppendRequest(OrdersQueue.TOPIC, 0, records, "").request());
        queue.awaitReadable(3);
        flipByteOf("value-to-damage-1");

        ByteBuf out = fetch(0, 3);
        assertThrows(CorruptRecordException.class, () -> KafkaClientsReads.batches(out));
    }

    @Test
    void damageInARecordWithoutAViewIsNeverServed() throws Exception {
        queue.append(MessageDraft.of("native-intact".getBytes(StandardCharsets.UTF_8), Map.of(), 1L));
        queue.append(MessageDraft.of("native-to-damage".getBytes(StandardCharsets.UTF_8), Map.of(), 2L));
        queue.awaitReadable(2);
        flipByteOf("native-to-damage");

        List<StoredMessageBytes> read = queue.readBytes(0, 2, RecordCheck.BY_CALLER).messages();
        ByteBuf out = Unpooled.buffer();
        assertEquals(1, StoredToBatches.writeBatches(out, read, CompressionType.NONE));
        List<KafkaRecord> served = KafkaClientsReads.readWithKafkaClients(out, 0);
        assertEquals(1, served.size(), "the output ends before the damaged record");
        assertEquals("native-intact", new String(served.get(0).value(), StandardCharsets.UTF_8));
    }

    /** The batches a fetch of {@code count} messages from {@code offset} returns (store CRC check left to us). */
    private ByteBuf fetch(long offset, int count) {
        ByteBuf out = Unpooled.buffer();
        StoredToBatches.writeBatches(out, queue.readBytes(offset, count, RecordCheck.BY_CALLER).messages(),
                CompressionType.NONE);
        return out;
    }

    static List<KafkaRecord> records(String prefix, int count) {
        List<KafkaRecord> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            out.add(new KafkaRecord(1_700_000_000_000L + i, i % 2 == 0 ? null : ("k" + i).getBytes(StandardCharsets.UTF_8),
                    (prefix + i).getBytes(StandardCharsets.UTF_8),
                    i % 3 == 0 ? List.of() : List.of(new RecordHeader("h", ("v" + i).getBytes(StandardCharsets.UTF_8)))));
        }
        return out;
    }

    private void flipByteOf(String text) throws IOException {
        flipByteOf(dir, text);
    }

    /** Flips one bit of the first occurrence of {@code text} in the CommitLog files (as a bad disk would). */
    static void flipByteOf(Path dir, String text) throws IOException {
        flipByteOf(dir, text, StandardCharsets.UTF_8);
    }

    /** As {@link #flipByteOf(Path, String)}, {@code text} being bytes in {@code charset}. */
    static void flipByteOf(Path dir, String text, Charset charset) throws IOException {
        byte[] needle = text.getBytes(charset);
        List<Path> files;
        try (Stream<Path> walk = Files.walk(dir)) {
            files = walk.filter(Files::isRegularFile).filter(p -> p.toString().contains("commitlog")).toList();
        }
        for (Path file : files) {
            byte[] content = Files.readAllBytes(file);
            int at = indexOf(content, needle);
            if (at >= 0) {
                try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
                    ch.write(ByteBuffer.wrap(new byte[] {(byte) (content[at + needle.length - 1] ^ 0x01)}),
                            at + needle.length - 1);
                }
                return;
            }
        }
        throw new AssertionError("'" + text + "' not found in " + files);
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
