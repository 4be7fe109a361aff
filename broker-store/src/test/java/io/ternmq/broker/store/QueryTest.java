package io.ternmq.broker.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.ternmq.broker.store.StoreFixture.START;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class QueryTest {
    @TempDir
    Path dir;
    final ManualClock clock = new ManualClock(START);

    private StoreConfig config() {
        return StoreFixture.config(dir, clock);
    }

    private static MessageDraft keyed(String body, String keys, String uniq) {
        return MessageDraft.of(body.getBytes(StandardCharsets.UTF_8),
                Map.of(MessageProperty.KEYS, keys, MessageProperty.UNIQ_KEY, uniq), START);
    }

    /** Three messages one second apart (store times START, +1 s, +2 s), the last two as a batch. */
    private List<AppendResult> writeSample(MessageStore store) {
        AppendResult a = StoreFixture.append(store, "orders", 0, keyed("a", "order-1 shared", "UNIQ-A"));
        clock.advance(Duration.ofSeconds(1));
        AppendResult b = StoreFixture.append(store, "orders", 1, keyed("b", "order-2 shared", "UNIQ-B"));
        clock.advance(Duration.ofSeconds(1));
        AppendResult c = StoreFixture.append(store, "orders", 1, keyed("c", "order-3 shared", "UNIQ-C"),
                keyed("d", "order-4", "UNIQ-D"));
        StoreFixture.append(store, "other", 0, keyed("z", "shared", "UNIQ-Z"));
        StoreFixture.awaitDispatched(store);
        return List.of(a, b, c);
    }

    private static void assertQueriesWork(MessageStore store, List<AppendResult> written) {
        List<StoredMessage> shared = store.queryByKey("orders", "shared", 0, Long.MAX_VALUE, 10);
        assertEquals(List.of("c", "b", "a"), shared.stream().map(StoreFixture::body).toList(), "newest first");
        assertEquals(List.of("b"), store.queryByKey("orders", "shared", START + 500, START + 1500, 10)
                .stream().map(StoreFixture::body).toList());
        assertEquals(List.of("c"), store.queryByKey("orders", "shared", 0, Long.MAX_VALUE, 1)
                .stream().map(StoreFixture::body).toList());
        assertEquals(List.of("d"), store.queryByKey("orders", "UNIQ-D", 0, Long.MAX_VALUE, 10)
                .stream().map(StoreFixture::body).toList());

        String idOfD = written.get(2).messageIds().get(1);
        StoredMessage d = store.queryById(idOfD).orElseThrow();
        assertEquals("d", StoreFixture.body(d));
        assertEquals(idOfD, d.messageId());
        assertEquals(2, d.queueOffset());
        assertEquals("b", StoreFixture.body(store.queryById("UNIQ-B").orElseThrow()));
        assertTrue(store.queryById("UNIQ-NOPE").isEmpty());
        assertTrue(store.queryById("FFFFFFFFFFFF000000000000").isEmpty());

        assertEquals(List.of("b", "c", "d"), store.queryByTime("orders", START + 1000, START + 2000, 10)
                .stream().map(StoreFixture::body).toList());
        assertEquals(List.of("a", "b"), store.queryByTime("orders", 0, START + 1000, 10)
                .stream().map(StoreFixture::body).toList());
    }

    @Test
    void keyIdAndTimeQueriesFindTheRightMessages() {
        try (DefaultMessageStore store = StoreFixture.open(config())) {
            assertQueriesWork(store, writeSample(store));
        }
    }

    @Test
    void queriesWorkAfterACleanRestart() {
        List<AppendResult> written;
        try (DefaultMessageStore store = StoreFixture.open(config())) {
            written = writeSample(store);
        }
        try (DefaultMessageStore store = StoreFixture.open(config())) {
            assertQueriesWork(store, written);
        }
    }

    @Test
    void indexIsRebuiltAfterACrashThatLostIt() throws Exception {
        DefaultMessageStore crashed = StoreFixture.open(config());
        List<AppendResult> written = writeSample(crashed);
        crashed.crash();
        DamagedFiles.deleteTree(dir.resolve("index"));
        Files.delete(dir.resolve("checkpoint"));
        try (DefaultMessageStore store = StoreFixture.open(config())) {
            assertQueriesWork(store, written);
        }
    }

    @Test
    void deletedTopicIsGoneFromQueuesAndQueries() {
        try (DefaultMessageStore store = StoreFixture.open(config())) {
            writeSample(store);
            store.deleteTopic("orders");
            assertEquals(List.of(), store.queueIds("orders"));
            assertEquals(ReadStatus.NO_SUCH_QUEUE,
                    store.read("orders", 0, 0, 1, 100, MessageFilter.ACCEPT_ALL).status());
            assertEquals(List.of(), store.queryByKey("orders", "shared", 0, Long.MAX_VALUE, 10));
            assertEquals(1, store.queryByKey("other", "shared", 0, Long.MAX_VALUE, 10).size());
            assertEquals(0, StoreFixture.append(store, "orders", 0, keyed("new", "k", "U-NEW")).baseQueueOffset());
        }
    }

    @Test
    void topicDeletedRightAfterAnAppendStartsAfreshWhenRecreated() {
        try (DefaultMessageStore store = StoreFixture.open(config())) {
            for (int round = 0; round < 20; round++) {
                StoreFixture.append(store, "churn", 0, StoreFixture.message("old", null, null));
                store.deleteTopic("churn");
                assertEquals(0, StoreFixture.append(store, "churn", 0, StoreFixture.message("new", null, null))
                        .baseQueueOffset());
                StoreFixture.awaitDispatched(store);
                ReadResult r = store.read("churn", 0, 0, 10, 1 << 20, MessageFilter.ACCEPT_ALL);
                assertEquals(List.of("new"), r.messages().stream().map(StoreFixture::body).toList());
                store.deleteTopic("churn");
            }
        }
    }

    @Test
    void offsetForTimestampAndStoreTimestampUseTheConsumeQueue() {
        try (DefaultMessageStore store = StoreFixture.open(config())) {
            writeSample(store);
            assertEquals(0, store.offsetForTimestamp("orders", 1, 0));
            assertEquals(0, store.offsetForTimestamp("orders", 1, START + 1000));
            assertEquals(1, store.offsetForTimestamp("orders", 1, START + 1500));
            assertEquals(1, store.offsetForTimestamp("orders", 1, START + 2000));
            assertEquals(3, store.offsetForTimestamp("orders", 1, START + 9000));
            assertEquals(START + 2000, store.storeTimestampAt("orders", 1, 2), "middle of a batch");
            assertEquals(START + 1000, store.storeTimestampAt("orders", 1, 0));
            assertEquals(-1, store.storeTimestampAt("orders", 1, 3));
            assertEquals(0, store.offsetForTimestamp("nope", 0, START));
        }
    }

    @Test
    void storeTimestampsNeverGoBackwards() {
        try (DefaultMessageStore store = StoreFixture.open(config())) {
            AppendResult first = StoreFixture.append(store, "t", 0, StoreFixture.message("a", null, null));
            clock.advance(Duration.ofSeconds(-30));
            AppendResult second = StoreFixture.append(store, "t", 0, StoreFixture.message("b", null, null));
            assertTrue(second.storeTimestamp() >= first.storeTimestamp());
        }
    }
}
