package io.ternmq.broker.store;

import io.ternmq.broker.store.io.StorageHooks;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/** Shared test setup: small segments, a manual clock, and helpers to write and await messages. */
final class StoreFixture {
    static final long SEGMENT = 64 * 1024;
    static final long START = 1_700_000_000_000L; // 2023-11-14T22:13:20Z

    private StoreFixture() {
    }

    static StoreConfig config(Path dir, ManualClock clock) {
        return new StoreConfig(dir, SEGMENT, 1000, FlushDiskType.ASYNC_FLUSH, 50, 2_000, 16 * 1024, 72, "04",
                75, 85, 90, true, "10.0.0.1:10911", clock);
    }

    static StoreConfig config(Path dir, ManualClock clock, FlushDiskType flush, String deleteWhen) {
        return new StoreConfig(dir, SEGMENT, 1000, flush, 50, 300, 16 * 1024, 72, deleteWhen,
                75, 85, 90, true, "10.0.0.1:10911", clock);
    }

    /** Hooks whose periodic services stay quiet, so tests drive them. */
    static StorageHooks quietHooks() {
        return new StorageHooks(io.ternmq.broker.store.io.FileSync.FORCE, dir -> 0.10, Duration.ofHours(1),
                Duration.ofHours(1), io.ternmq.broker.store.io.GroupCommitGather.DEFAULT);
    }

    /** Waits until everything written is dispatched and fsynced. */
    static void awaitSettled(MessageStore store) {
        awaitTrue("dispatch and flush", () -> {
            StoreStatus s = store.status();
            return s.dispatchedOffset() >= s.commitLogMaxOffset() && s.flushedOffset() >= s.commitLogMaxOffset();
        });
    }

    static DefaultMessageStore open(StoreConfig config) {
        return DefaultMessageStore.open(config, StorageHooks.defaults());
    }

    static MessageDraft message(String body, String tag, String keys) {
        Map<String, String> props = new HashMap<>();
        if (tag != null) {
            props.put(MessageProperty.TAGS, tag);
        }
        if (keys != null) {
            props.put(MessageProperty.KEYS, keys);
        }
        return MessageDraft.of(body.getBytes(StandardCharsets.UTF_8), props, START);
    }

    static AppendResult append(MessageStore store, String topic, int queueId, MessageDraft... messages) {
        AppendResult r = store.append(new AppendRequest(topic, queueId, List.of(messages), "10.0.0.2:5555")).join();
        if (!r.ok()) {
            throw new AssertionError("append failed: " + r);
        }
        return r;
    }

    static List<AppendResult> appendMany(MessageStore store, String topic, int queueId, int count, int bodySize) {
        List<AppendResult> out = new ArrayList<>();
        String body = "x".repeat(bodySize);
        for (int i = 0; i < count; i++) {
            out.add(append(store, topic, queueId, message(i + ":" + body, "t" + (i % 2), "k" + i)));
        }
        return out;
    }

    static String body(StoredMessage m) {
        return new String(m.body(), StandardCharsets.UTF_8);
    }

    /** Waits until the dispatcher has indexed everything written so far. */
    static void awaitDispatched(MessageStore store) {
        awaitTrue("dispatch", () -> store.status().dispatchedOffset() >= store.status().commitLogMaxOffset());
    }

    static void awaitTrue(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.onSpinWait();
            Thread.yield();
        }
    }
}
