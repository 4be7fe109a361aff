package io.ternmq.broker.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static io.ternmq.broker.store.StoreFixture.body;
import static io.ternmq.broker.store.StoreFixture.message;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link MessageStore#appendAll}: entries of many queues written together, each with its own result. */
class AppendAllTest {
    @TempDir
    Path dir;

    private static AppendRequest entry(String topic, int queueId, String... bodies) {
        List<MessageDraft> messages = new ArrayList<>();
        for (String b : bodies) {
            messages.add(message(b, null, null));
        }
        return new AppendRequest(topic, queueId, messages, "10.0.0.2:5555");
    }

    private static List<AppendResult> join(List<CompletableFuture<AppendResult>> futures) {
        return futures.stream().map(CompletableFuture::join).toList();
    }

    @Test
    void entriesOfOneQueueKeepListOrderAndEachEntryItsOwnResult() {
        try (DefaultMessageStore store = StoreFixture.open(StoreFixture.config(dir,
                new ManualClock(StoreFixture.START)))) {
            StoreFixture.append(store, "a", 0, message("a0", null, null));
            List<AppendResult> results = join(store.appendAll(List.of(
                    entry("a", 0, "a1", "a2"),
                    entry("b", 3, "b0"),
                    entry("a", 0, "a3"),
                    entry("b", 3, "x".repeat(20 * 1024)), // over maxMessageSize (16 KiB): refused alone
                    entry("b", 3, "b1"))));

            assertEquals(List.of(1L, 0L, 3L, -1L, 1L), results.stream().map(AppendResult::baseQueueOffset).toList());
            assertEquals(AppendStatus.MESSAGE_TOO_LARGE, results.get(3).status());
            assertEquals(2, results.get(0).messageIds().size());
            assertTrue(results.get(0).commitLogOffset() < results.get(1).commitLogOffset());
            assertTrue(results.get(1).commitLogOffset() < results.get(2).commitLogOffset());
            StoreFixture.awaitDispatched(store);
            assertEquals(List.of("a0", "a1", "a2", "a3"),
                    SegmentRollTest.readAll(store, "a", 0).stream().map(StoreFixture::body).toList());
            assertEquals(List.of("b0", "b1"),
                    SegmentRollTest.readAll(store, "b", 3).stream().map(StoreFixture::body).toList());
            for (AppendResult r : List.of(results.get(0), results.get(2), results.get(4))) {
                StoredMessage m = store.queryById(r.messageIds().get(0)).orElseThrow();
                assertEquals(r.commitLogOffset(), m.commitLogOffset());
            }
        }
    }

    @Test
    void aGroupLargerThanASegmentRollsAndSurvivesARestart() {
        StoreConfig config = StoreFixture.config(dir, new ManualClock(StoreFixture.START));
        List<AppendRequest> requests = new ArrayList<>();
        for (int i = 0; i < 200; i++) { // ~200 KiB over 64 KiB segments
            requests.add(entry("t" + (i % 7), 0, i + ":" + "y".repeat(1000)));
        }
        List<AppendResult> results;
        try (DefaultMessageStore store = StoreFixture.open(config)) {
            results = join(store.appendAll(requests));
            assertTrue(results.stream().allMatch(AppendResult::ok));
            assertTrue(store.status().segmentCount() >= 3, "expected the group to roll segments");
        }
        try (DefaultMessageStore store = StoreFixture.open(config)) {
            StoreFixture.awaitDispatched(store);
            for (int q = 0; q < 7; q++) {
                List<StoredMessage> stored = SegmentRollTest.readAll(store, "t" + q, 0);
                List<Integer> expected = new ArrayList<>();
                for (int i = q; i < 200; i += 7) {
                    expected.add(i);
                }
                assertEquals(expected, stored.stream().map(m -> Integer.parseInt(body(m).split(":")[0])).toList());
                for (int k = 0; k < stored.size(); k++) {
                    assertEquals(k, stored.get(k).queueOffset());
                    assertEquals(results.get(expected.get(k)).commitLogOffset(), stored.get(k).commitLogOffset());
                }
            }
        }
    }

    @Test
    void withSyncFlushEachResultWaitsForItsFsync() {
        StoreConfig config = StoreFixture.config(dir, new ManualClock(StoreFixture.START), FlushDiskType.SYNC_FLUSH,
                "04");
        try (DefaultMessageStore store = StoreFixture.open(config)) {
            List<AppendResult> results = join(store.appendAll(List.of(entry("a", 0, "1"), entry("b", 0, "2"))));
            assertTrue(results.stream().allMatch(AppendResult::ok));
            long lastEnd = results.get(1).commitLogOffset();
            assertTrue(store.status().flushedOffset() > lastEnd, "acknowledged before its fsync");
        }
    }

    @Test
    void aClosedStoreRefusesEveryEntry() {
        DefaultMessageStore store = StoreFixture.open(StoreFixture.config(dir, new ManualClock(StoreFixture.START)));
        store.close();
        List<AppendResult> results = join(store.appendAll(List.of(entry("a", 0, "1"), entry("b", 0, "2"))));
        assertEquals(2, results.size());
        assertFalse(results.get(0).ok());
        assertEquals(AppendStatus.SERVICE_NOT_AVAILABLE, results.get(1).status());
    }
}
