package io.ternmq.broker.store;

import io.ternmq.broker.store.read.StoredMessageBytes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static io.ternmq.broker.store.StoreFixture.append;
import static io.ternmq.broker.store.StoreFixture.awaitDispatched;
import static io.ternmq.broker.store.StoreFixture.body;
import static io.ternmq.broker.store.StoreFixture.message;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Entries stored with the batch another protocol framed their messages in ({@link AttachedBatch}): the bodies are
 * ranges of it, it is stored once, and every reader, recovery and the dispatcher treat the entry like any other.
 */
class AttachedBatchTest {
    /** A stand-in for a framed batch: an 8-byte offset field, a marker, then the three bodies. */
    private static final String FRAMED = "OFFSET..|alpha|gamma|";
    private static final int[] STARTS = {9, 15, 15};
    private static final int[] LENGTHS = {5, 0, 5};
    private static final String[] BODIES = {"alpha", "", "gamma"};

    @TempDir
    Path dir;
    private final ManualClock clock = new ManualClock(StoreFixture.START);

    @Test
    void theBodiesAreReadFromTheAttachedBatchWhichCarriesTheBaseOffset() {
        try (DefaultMessageStore store = StoreFixture.open(StoreFixture.config(dir, clock))) {
            append(store, "t", 0, message("plain", null, null));
            AppendResult r = store.append(attachedRequest()).join();
            assertEquals(AppendStatus.PUT_OK, r.status());
            assertEquals(1, r.baseQueueOffset());
            awaitDispatched(store);

            assertBodiesAndTags(store);
            List<StoredMessageBytes> bytes = store.readBytes("t", 0, 1, 10, 1 << 20, MessageFilter.ACCEPT_ALL)
                    .messages();
            assertEquals(3, bytes.size());
            for (int i = 0; i < 3; i++) {
                StoredMessageBytes m = bytes.get(i);
                assertEquals(BODIES[i], utf8(m.slice(m.bodyStart(), m.bodyLength())));
                ByteBuffer batch = m.attachedBatch();
                assertEquals(1L, batch.getLong(0), "the base offset field holds the entry's first queue offset");
                assertEquals(FRAMED.substring(8), utf8(batch.slice(8, batch.remaining() - 8)));
            }
            assertNull(store.readBytes("t", 0, 0, 1, 1 << 20, MessageFilter.ACCEPT_ALL).messages().get(0)
                    .attachedBatch(), "a plain entry has none");
        }
    }

    @Test
    void indexesRebuiltFromTheCommitLogReadTheAttachedBodies() throws Exception {
        DefaultMessageStore crashed = StoreFixture.open(StoreFixture.config(dir, clock));
        crashed.append(attachedRequest()).join();
        awaitDispatched(crashed);
        crashed.crash();
        DamagedFiles.deleteTree(dir.resolve("consumequeue"));
        try (DefaultMessageStore store = StoreFixture.open(StoreFixture.config(dir, clock))) {
            awaitDispatched(store);
            assertEquals(3, store.maxOffset("t", 0));
            assertBodiesAndTags(store);
            assertEquals(1, store.queryByKey("t", "key-2", 0, Long.MAX_VALUE, 10).size());
        }
    }

    @Test
    void aDamagedAttachedBatchIsCutByRecoveryLikeAnyDamagedRecord() throws Exception {
        DefaultMessageStore crashed = StoreFixture.open(StoreFixture.config(dir, clock));
        append(crashed, "t", 0, message("before", null, null));
        long record = crashed.append(attachedRequest()).join().commitLogOffset();
        awaitDispatched(crashed);
        crashed.crash();
        // the record's header (48 B), topic "t" (3 B), store host (2 + 14 B) and batch length (4 B) come first
        DamagedFiles.flipByte(dir, record + 48 + 3 + 16 + 4 + 10);
        try (DefaultMessageStore store = StoreFixture.open(StoreFixture.config(dir, clock))) {
            assertEquals(1, store.maxOffset("t", 0), "only the record before the damaged one is left");
            assertEquals("before", body(store.read("t", 0, 0, 10, 1 << 20, MessageFilter.ACCEPT_ALL)
                    .messages().get(0)));
        }
    }

    @Test
    void bodiesOutsideTheBatchOrBesideItAreRefusedBeforeAnythingIsWritten() {
        ByteBuffer framed = framed();
        assertThrows(IllegalArgumentException.class,
                () -> new AttachedBatch(framed, new int[] {18}, new int[] {5}, 0), "past the end");
        assertThrows(IllegalArgumentException.class,
                () -> new AttachedBatch(framed, new int[] {0}, new int[] {1}, framed.remaining() - 4), "offset field");
        AttachedBatch one = new AttachedBatch(framed, new int[] {9}, new int[] {5}, 0);
        assertThrows(IllegalArgumentException.class, () -> new AppendRequest("t", 0,
                List.of(message("own body", null, null)), "", one), "a body of its own as well");
        assertThrows(IllegalArgumentException.class, () -> new AppendRequest("t", 0,
                List.of(draft(0), draft(1)), "", one), "more messages than bodies");
    }

    @Test
    void theBodiesCountAgainstMaxMessageSize() {
        try (DefaultMessageStore store = StoreFixture.open(StoreFixture.config(dir, clock))) {
            int size = 20 * 1024; // maxMessageSize in the fixture is 16 KiB
            ByteBuffer big = ByteBuffer.allocate(size + 8);
            AttachedBatch batch = new AttachedBatch(big, new int[] {8}, new int[] {size}, 0);
            AppendResult r = store.append(new AppendRequest("t", 0, List.of(draft(0)), "", batch)).join();
            assertEquals(AppendStatus.MESSAGE_TOO_LARGE, r.status());
            assertEquals(0, store.maxOffset("t", 0));
        }
    }

    private static void assertBodiesAndTags(MessageStore store) {
        List<StoredMessage> read = store.read("t", 0, store.maxOffset("t", 0) - 3, 10, 1 << 20,
                MessageFilter.ACCEPT_ALL).messages();
        assertEquals(3, read.size());
        for (int i = 0; i < 3; i++) {
            assertEquals(BODIES[i], body(read.get(i)));
            assertEquals("tag" + i, read.get(i).properties().get(MessageProperty.TAGS));
            assertEquals(StoreFixture.START + i, read.get(i).bornTimestamp());
        }
    }

    private static AppendRequest attachedRequest() {
        return new AppendRequest("t", 0, List.of(draft(0), draft(1), draft(2)), "10.0.0.2:5555",
                new AttachedBatch(framed(), STARTS, LENGTHS, 0));
    }

    private static MessageDraft draft(int i) {
        return MessageDraft.of(new byte[0], Map.of(MessageProperty.TAGS, "tag" + i, MessageProperty.KEYS, "key-" + i),
                StoreFixture.START + i);
    }

    private static ByteBuffer framed() {
        return ByteBuffer.wrap(FRAMED.getBytes(StandardCharsets.US_ASCII));
    }

    private static String utf8(ByteBuffer b) {
        byte[] out = new byte[b.remaining()];
        b.duplicate().get(out);
        return new String(out, StandardCharsets.UTF_8);
    }
}
