package io.ternmq.broker.store;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.ternmq.broker.store.StoreFixture.append;
import static io.ternmq.broker.store.StoreFixture.message;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TagFilterTest {
    @TempDir
    Path dir;
    DefaultMessageStore store;

    @BeforeEach
    void open() {
        store = StoreFixture.open(StoreFixture.config(dir, new ManualClock(StoreFixture.START)));
    }

    @AfterEach
    void close() {
        store.close();
    }

    /** Accepts one tag; records which entries it was asked about. */
    static final class TagFilter implements MessageFilter {
        final String tag;
        final List<Boolean> batchFlags = new ArrayList<>();
        int propertyChecks;

        TagFilter(String tag) {
            this.tag = tag;
        }

        @Override
        public boolean matchesTagHash(long tagHash, boolean batchEntry) {
            batchFlags.add(batchEntry);
            return batchEntry || tagHash == TagHash.of(tag);
        }

        @Override
        public boolean matches(Map<String, String> properties) {
            propertyChecks++;
            return tag.equals(properties.get(MessageProperty.TAGS));
        }
    }

    @Test
    void entriesWithOtherTagHashesAreSkippedWithoutReadingThem() {
        append(store, "t", 0, message("a1", "A", null));
        append(store, "t", 0, message("b1", "B", null));
        append(store, "t", 0, message("a2", "A", null));
        StoreFixture.awaitDispatched(store);
        TagFilter filter = new TagFilter("A");
        ReadResult r = store.read("t", 0, 0, 32, 1 << 20, filter);
        assertEquals(List.of("a1", "a2"), r.messages().stream().map(StoreFixture::body).toList());
        assertEquals(2, filter.propertyChecks, "the B entry must be skipped on its tag hash");
        assertEquals(3, r.nextOffset());
    }

    @Test
    void noMatchMovesNextOffsetPastTheScannedMessages() {
        append(store, "t", 0, message("b1", "B", null));
        append(store, "t", 0, message("b2", "B", null));
        StoreFixture.awaitDispatched(store);
        ReadResult r = store.read("t", 0, 0, 32, 1 << 20, new TagFilter("A"));
        assertEquals(ReadStatus.NO_MATCHED_MESSAGE, r.status());
        assertEquals(2, r.nextOffset());
    }

    @Test
    void mixedTagBatchIsFlaggedSoEachMessageIsChecked() {
        append(store, "t", 0, message("a", "A", null), message("b", "B", null), message("a'", "A", null));
        append(store, "t", 0, message("x", "A", null), message("y", "A", null));
        StoreFixture.awaitDispatched(store);
        TagFilter filter = new TagFilter("A");
        ReadResult r = store.read("t", 0, 0, 32, 1 << 20, filter);
        assertEquals(List.of("a", "a'", "x", "y"), r.messages().stream().map(StoreFixture::body).toList());
        assertTrue(filter.batchFlags.get(0), "mixed batch must be flagged");
        assertFalse(filter.batchFlags.get(1), "same-tag batch is checked by hash alone");
    }

    @Test
    void readingRecordBytesAppliesTheSameFilterAndOffsets() {
        append(store, "t", 0, message("a", "A", null), message("b", "B", null), message("a'", "A", null));
        append(store, "t", 0, message("b2", "B", null));
        append(store, "t", 0, message("x", "A", null), message("y", "A", null));
        StoreFixture.awaitDispatched(store);
        ReadBytesResult r = store.readBytes("t", 0, 1, 32, 1 << 20, new TagFilter("A"));
        assertEquals(ReadStatus.FOUND, r.status());
        assertEquals(List.of(2L, 4L, 5L), r.messages().stream().map(m -> m.queueOffset()).toList());
        assertEquals("a'", java.nio.charset.StandardCharsets.UTF_8.decode(r.messages().get(0).slice(
                r.messages().get(0).bodyPos() + 4, r.messages().get(0).bodyLength())).toString());
        assertEquals(6, r.nextOffset());
        ReadBytesResult two = store.readBytes("t", 0, 0, 2, 1 << 20, MessageFilter.ACCEPT_ALL);
        assertEquals(2, two.messages().size());
        assertEquals(2, two.nextOffset(), "maxMessages stops inside the batch entry");
    }
}
