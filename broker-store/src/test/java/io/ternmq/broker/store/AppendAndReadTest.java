package io.ternmq.broker.store;

import io.ternmq.broker.store.read.StoredMessageBytes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.Stream;

import static io.ternmq.broker.store.StoreFixture.append;
import static io.ternmq.broker.store.StoreFixture.awaitDispatched;
import static io.ternmq.broker.store.StoreFixture.body;
import static io.ternmq.broker.store.StoreFixture.message;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AppendAndReadTest {
    @TempDir
    Path dir;
    ManualClock clock = new ManualClock(StoreFixture.START);
    DefaultMessageStore store;

    @BeforeEach
    void open() {
        store = StoreFixture.open(StoreFixture.config(dir, clock));
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void singleMessageIsReadBackWithAllFields() {
        AppendResult r = append(store, "orders", 1, message("hello", "tagA", "k1 k2"));
        assertEquals(0, r.baseQueueOffset());
        assertEquals(1, r.messageIds().size());
        awaitDispatched(store);

        ReadResult read = store.read("orders", 1, 0, 32, 1 << 20, MessageFilter.ACCEPT_ALL);
        assertEquals(ReadStatus.FOUND, read.status());
        StoredMessage m = read.messages().get(0);
        assertEquals("hello", body(m));
        assertEquals("tagA", m.tags());
        assertEquals("k1 k2", m.keys());
        assertEquals("orders", m.topic());
        assertEquals(1, m.queueId());
        assertEquals(0, m.queueOffset());
        assertEquals(r.messageIds().get(0), m.messageId());
        assertEquals(StoreFixture.START, m.storeTimestamp());
        assertEquals("10.0.0.2:5555", m.bornHost());
        assertEquals("10.0.0.1:10911", m.storeHost());
        assertEquals(1, read.nextOffset());
        assertEquals(0, read.minOffset());
        assertEquals(1, read.maxOffset());
    }

    @Test
    void messagesAppendedAfterAReadAreReadBackToo() {
        // the first read maps the segment for reading; later appends go through the channel and must show
        append(store, "orders", 0, message("first", "tagA", "k"));
        awaitDispatched(store);
        assertEquals(ReadStatus.FOUND, store.readBytes("orders", 0, 0, 32, 1 << 20, MessageFilter.ACCEPT_ALL).status());

        append(store, "orders", 0, message("second", "tagA", "k"));
        awaitDispatched(store);
        ReadResult read = store.read("orders", 0, 1, 32, 1 << 20, MessageFilter.ACCEPT_ALL);
        assertEquals(ReadStatus.FOUND, read.status());
        assertEquals("second", body(read.messages().get(0)));
        ReadBytesResult bytes = store.readBytes("orders", 0, 0, 32, 1 << 20, MessageFilter.ACCEPT_ALL);
        assertEquals(2, bytes.messages().size());
        assertEquals("second".length(), bytes.messages().get(1).bodyLength());
    }

    @Test
    void batchIsOneEntryWithConsecutiveQueueOffsets() {
        append(store, "t", 0, message("a", null, null));
        AppendResult batch = append(store, "t", 0, message("b", null, null), message("c", null, null),
                message("d", null, null));
        assertEquals(1, batch.baseQueueOffset());
        assertEquals(3, batch.messageCount());
        awaitDispatched(store);
        assertEquals(4, store.maxOffset("t", 0));

        ReadResult all = store.read("t", 0, 0, 32, 1 << 20, MessageFilter.ACCEPT_ALL);
        assertEquals(List.of("a", "b", "c", "d"), all.messages().stream().map(StoreFixture::body).toList());
        assertEquals(List.of(0L, 1L, 2L, 3L), all.messages().stream().map(StoredMessage::queueOffset).toList());
        assertEquals(batch.commitLogOffset(), all.messages().get(2).commitLogOffset());
    }

    @Test
    void readFromTheMiddleOfABatchReturnsOnlyTheRest() {
        append(store, "t", 0, message("a", null, null), message("b", null, null), message("c", null, null));
        awaitDispatched(store);
        ReadResult r = store.read("t", 0, 1, 32, 1 << 20, MessageFilter.ACCEPT_ALL);
        assertEquals(List.of("b", "c"), r.messages().stream().map(StoreFixture::body).toList());
        assertEquals(3, r.nextOffset());

        ReadResult one = store.read("t", 0, 1, 1, 1 << 20, MessageFilter.ACCEPT_ALL);
        assertEquals(List.of("b"), one.messages().stream().map(StoreFixture::body).toList());
        assertEquals(2, one.nextOffset());
    }

    @Test
    void readStatusesAtTheEdges() {
        append(store, "t", 0, message("a", null, null));
        awaitDispatched(store);
        assertEquals(ReadStatus.NO_NEW_MESSAGE, store.read("t", 0, 1, 1, 100, MessageFilter.ACCEPT_ALL).status());
        ReadResult overflow = store.read("t", 0, 5, 1, 100, MessageFilter.ACCEPT_ALL);
        assertEquals(ReadStatus.OFFSET_OVERFLOW, overflow.status());
        assertEquals(1, overflow.nextOffset());
        assertEquals(ReadStatus.NO_SUCH_QUEUE, store.read("t", 9, 0, 1, 100, MessageFilter.ACCEPT_ALL).status());
        assertEquals(ReadStatus.NO_SUCH_QUEUE, store.read("none", 0, 0, 1, 100, MessageFilter.ACCEPT_ALL).status());
    }

    @Test
    void largeAndSmallQueueIdsKeepSeparateOffsets() {
        assertEquals(0, append(store, "t", 0, message("a", null, null)).baseQueueOffset());
        assertEquals(0, append(store, "t", 100_000, message("b", null, null)).baseQueueOffset());
        assertEquals(1, append(store, "t", 100_000, message("c", null, null)).baseQueueOffset());
        assertEquals(1, append(store, "t", 0, message("d", null, null)).baseQueueOffset());
        awaitDispatched(store);
        assertEquals(List.of(0, 100_000), store.queueIds("t"));
    }

    @Test
    void maxBytesStillReturnsAtLeastOneMessage() {
        append(store, "t", 0, message("x".repeat(500), null, null));
        append(store, "t", 0, message("y".repeat(500), null, null));
        awaitDispatched(store);
        ReadResult r = store.read("t", 0, 0, 32, 10, MessageFilter.ACCEPT_ALL);
        assertEquals(1, r.messages().size());
        assertEquals(1, r.nextOffset());
    }

    @Test
    void arrivalListenerIsToldAboutNewMessages() {
        List<Long> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        store.setArrivalListener((topic, queueId, maxOffset, tagHash) -> seen.add(maxOffset));
        append(store, "t", 0, message("a", "x", null));
        StoreFixture.awaitTrue("listener", () -> seen.contains(1L));
        assertTrue(store.queueIds("t").contains(0));
    }

    @Test
    void aDamagedRecordEndsACheckedReadAndIsFlaggedToACallerThatChecksItself() throws IOException {
        append(store, "orders", 0, message("intact-body", "A", "k1"));
        append(store, "orders", 0, message("damaged-body", "A", "k2"), message("same-record", "A", "k3"));
        append(store, "orders", 0, message("after-the-damage", "A", "k4"));
        awaitDispatched(store);
        flipLastByteOf("damaged-body");

        ReadBytesResult checked = store.readBytes("orders", 0, 0, 32, 1 << 20, MessageFilter.ACCEPT_ALL);
        assertEquals(1, checked.messages().size(), "stops before the damaged record");

        ReadBytesResult deferred = store.readBytes("orders", 0, 0, 32, 1 << 20, MessageFilter.ACCEPT_ALL,
                RecordCheck.BY_CALLER);
        List<StoredMessageBytes> messages = deferred.messages();
        assertEquals(4, messages.size(), "structure is intact, so every message is handed out");
        assertTrue(messages.get(0).recordCrcMatches());
        assertFalse(messages.get(1).recordCrcMatches());
        assertFalse(messages.get(2).recordCrcMatches(), "the other message of the damaged record");
        assertTrue(messages.get(3).recordCrcMatches());
    }

    /** Flips one bit of {@code text} in the CommitLog files, as a bad disk would. */
    private void flipLastByteOf(String text) throws IOException {
        byte[] needle = text.getBytes(StandardCharsets.UTF_8);
        try (Stream<Path> walk = Files.walk(dir.resolve("commitlog"))) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                byte[] content = Files.readAllBytes(file);
                for (int at = 0; at + needle.length <= content.length; at++) {
                    if (ByteBuffer.wrap(content, at, needle.length).equals(ByteBuffer.wrap(needle))) {
                        int pos = at + needle.length - 1;
                        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
                            ch.write(ByteBuffer.wrap(new byte[] {(byte) (content[pos] ^ 0x01)}), pos);
                        }
                        return;
                    }
                }
            }
        }
        throw new AssertionError("'" + text + "' not found in the CommitLog");
    }
}
