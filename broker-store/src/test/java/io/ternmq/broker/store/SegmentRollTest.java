package io.ternmq.broker.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static io.ternmq.broker.store.StoreFixture.appendMany;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SegmentRollTest {
    @TempDir
    Path dir;

    @Test
    void readsSpanSeveralSegmentsAndSurviveRestart() throws Exception {
        StoreConfig config = StoreFixture.config(dir, new ManualClock(StoreFixture.START));
        List<AppendResult> written;
        try (DefaultMessageStore store = StoreFixture.open(config)) {
            written = appendMany(store, "t", 0, 300, 1000);
            StoreFixture.awaitDispatched(store);
            assertTrue(store.status().segmentCount() >= 4, "expected several segments");
            assertEquals(300, readAll(store, "t", 0).size());
        }
        try (Stream<Path> files = Files.list(dir.resolve("commitlog"))) {
            List<String> names = files.map(p -> p.getFileName().toString()).sorted().toList();
            assertEquals("00000000000000000000", names.get(0));
            assertEquals(String.format("%020d", StoreFixture.SEGMENT), names.get(1));
        }
        try (DefaultMessageStore store = StoreFixture.open(config)) {
            List<StoredMessage> all = readAll(store, "t", 0);
            assertEquals(300, all.size());
            for (int i = 0; i < 300; i++) {
                assertEquals(i, all.get(i).queueOffset());
                assertEquals(written.get(i).commitLogOffset(), all.get(i).commitLogOffset());
                assertTrue(StoreFixture.body(all.get(i)).startsWith(i + ":"));
            }
            AppendResult next = StoreFixture.append(store, "t", 0, StoreFixture.message("after", null, null));
            assertEquals(300, next.baseQueueOffset());
        }
    }

    @Test
    void concurrentAppendersGetContiguousQueueOffsets() throws Exception {
        StoreConfig config = StoreFixture.config(dir, new ManualClock(StoreFixture.START));
        try (DefaultMessageStore store = StoreFixture.open(config)) {
            List<Thread> threads = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int queue = t % 2;
                Thread thread = new Thread(() -> appendMany(store, "c", queue, 250, 100));
                thread.start();
                threads.add(thread);
            }
            for (Thread t : threads) {
                t.join();
            }
            StoreFixture.awaitDispatched(store);
            for (int q = 0; q < 2; q++) {
                List<StoredMessage> all = readAll(store, "c", q);
                assertEquals(500, all.size());
                for (int i = 0; i < all.size(); i++) {
                    assertEquals(i, all.get(i).queueOffset());
                }
            }
        }
    }

    static List<StoredMessage> readAll(MessageStore store, String topic, int queueId) {
        List<StoredMessage> out = new ArrayList<>();
        long offset = store.minOffset(topic, queueId);
        while (true) {
            ReadResult r = store.read(topic, queueId, offset, 64, 1 << 20, MessageFilter.ACCEPT_ALL);
            if (r.status() != ReadStatus.FOUND) {
                return out;
            }
            out.addAll(r.messages());
            offset = r.nextOffset();
        }
    }
}
