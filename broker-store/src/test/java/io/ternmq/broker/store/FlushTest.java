package io.ternmq.broker.store;

import io.ternmq.broker.store.io.FileSync;
import io.ternmq.broker.store.io.GroupCommitGather;
import io.ternmq.broker.store.io.StorageHooks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static io.ternmq.broker.store.StoreFixture.message;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FlushTest {
    @TempDir
    Path dir;
    final ManualClock clock = new ManualClock(StoreFixture.START);
    final AtomicInteger fsyncs = new AtomicInteger();

    private DefaultMessageStore open(FlushDiskType type, FileSync sync) {
        return open(type, sync, GroupCommitGather.DEFAULT);
    }

    private DefaultMessageStore open(FlushDiskType type, FileSync sync, GroupCommitGather gather) {
        FileSync counting = channel -> {
            fsyncs.incrementAndGet();
            sync.force(channel);
        };
        StorageHooks hooks = StoreFixture.quietHooks().withFileSync(counting).withGather(gather);
        DefaultMessageStore store = DefaultMessageStore.open(StoreFixture.config(dir, clock, type, "04"), hooks);
        fsyncs.set(0);
        return store;
    }

    @Test
    void syncFlushGroupCommitSharesFsyncsBetweenConcurrentAppends() throws Exception {
        FileSync slowish = channel -> {
            channel.force(false);
            sleepQuietly(2);
        };
        try (DefaultMessageStore store = open(FlushDiskType.SYNC_FLUSH, slowish)) {
            int threads = 8;
            int perThread = 50;
            List<CompletableFuture<AppendResult>> results = new java.util.concurrent.CopyOnWriteArrayList<>();
            List<Thread> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int queue = t;
                Thread w = new Thread(() -> {
                    for (int i = 0; i < perThread; i++) {
                        CompletableFuture<AppendResult> f = store.append(
                                AppendRequest.single("g", queue, message("m" + i, null, null)));
                        results.add(f);
                        f.join();
                    }
                });
                w.start();
                workers.add(w);
            }
            for (Thread w : workers) {
                w.join();
            }
            for (CompletableFuture<AppendResult> f : results) {
                assertEquals(AppendStatus.PUT_OK, f.join().status());
            }
            int appends = threads * perThread;
            assertTrue(fsyncs.get() < appends, "expected fewer fsyncs than appends, got " + fsyncs.get());
            assertTrue(store.status().flushedOffset() >= store.status().commitLogMaxOffset());
        }
    }

    /**
     * Closed-loop appenders (each waits for its ack, then appends again) must not split into two halves that take
     * turns: the fsync thread waits for the appenders the last fsync released. The production window (a quarter
     * fsync, at most 1 ms) is a measured trade-off that a busy CI machine can miss by scheduling alone, so this test
     * widens it to 50 ms: what it checks is that the gather waits for the released appenders, not how fast
     * threads come back. (Not wider: an appender held at the warm-up barrier never comes back within the window,
     * and the window must stay well below the 300 ms flush timeout.)
     */
    @Test
    void closedLoopAppendersAreGatheredIntoOneFsyncInsteadOfAlternatingHalves() throws Exception {
        FileSync slow = channel -> {
            channel.force(false);
            sleepQuietly(4);
        };
        GroupCommitGather wide = new GroupCommitGather(1000, Duration.ofMillis(50));
        try (DefaultMessageStore store = open(FlushDiskType.SYNC_FLUSH, slow, wide)) {
            int threads = 16;
            int warmUp = 20;
            int measured = 40;
            // Warm-up first (JIT, first segment), then everyone starts the measured appends together.
            CyclicBarrier measuredStart = new CyclicBarrier(threads, () -> fsyncs.set(0));
            List<Thread> workers = new ArrayList<>();
            AtomicInteger failures = new AtomicInteger();
            for (int t = 0; t < threads; t++) {
                int queue = t;
                Thread w = new Thread(() -> {
                    for (int i = 0; i < warmUp + measured; i++) {
                        if (i == warmUp && !await(measuredStart)) {
                            failures.incrementAndGet();
                            return;
                        }
                        if (!store.append(AppendRequest.single("g", queue, message("m" + i, null, null))).join().ok()) {
                            failures.incrementAndGet();
                        }
                    }
                });
                w.start();
                workers.add(w);
            }
            for (Thread w : workers) {
                w.join();
            }
            assertEquals(0, failures.get());
            double perFsync = (double) (threads * measured) / fsyncs.get();
            assertTrue(perFsync >= 0.75 * threads,
                    "appends per fsync: " + perFsync + " (" + fsyncs.get() + " fsyncs)");
        }
    }

    private static boolean await(CyclicBarrier barrier) {
        try {
            barrier.await(10, TimeUnit.SECONDS);
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    @Test
    void singleAppenderIsAcknowledgedWithoutWaitingForOthers() {
        try (DefaultMessageStore store = open(FlushDiskType.SYNC_FLUSH, FileSync.FORCE)) {
            long t0 = System.nanoTime();
            for (int i = 0; i < 50; i++) {
                assertEquals(AppendStatus.PUT_OK,
                        store.append(AppendRequest.single("t", 0, message("m" + i, null, null))).join().status());
            }
            assertEquals(50, fsyncs.get(), "one fsync per lone append");
            assertTrue(System.nanoTime() - t0 < TimeUnit.SECONDS.toNanos(5));
        }
    }

    @Test
    void appendWhoseFsyncIsTooSlowCompletesWithFlushDiskTimeout() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        FileSync stuck = channel -> {
            try {
                release.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            channel.force(false);
        };
        try (DefaultMessageStore store = open(FlushDiskType.SYNC_FLUSH, stuck)) {
            AppendResult r = store.append(AppendRequest.single("t", 0, message("x", null, null)))
                    .get(5, TimeUnit.SECONDS);
            assertEquals(AppendStatus.FLUSH_DISK_TIMEOUT, r.status());
            assertTrue(r.errorMessage().contains("300 ms"), r.errorMessage());
            assertEquals(0, r.baseQueueOffset(), "the message was written, only its durability is unknown");
            release.countDown();
        }
    }

    @Test
    void failedFsyncMakesTheStoreUnwritable() {
        AtomicBoolean fail = new AtomicBoolean();
        FileSync failing = channel -> {
            if (fail.get()) {
                throw new IOException("EIO (injected)");
            }
            channel.force(false);
        };
        try (DefaultMessageStore store = open(FlushDiskType.SYNC_FLUSH, failing)) {
            assertEquals(AppendStatus.PUT_OK, store.append(AppendRequest.single("t", 0, message("a", null, null)))
                    .join().status());
            fail.set(true);
            AppendResult unknown = store.append(AppendRequest.single("t", 0, message("b", null, null))).join();
            assertEquals(AppendStatus.FLUSH_DISK_TIMEOUT, unknown.status());
            assertFalse(store.status().writable());
            AppendResult refused = store.append(AppendRequest.single("t", 0, message("c", null, null))).join();
            assertEquals(AppendStatus.SERVICE_NOT_AVAILABLE, refused.status());
            assertTrue(refused.errorMessage().contains("fsync"), refused.errorMessage());
            StoreFixture.awaitDispatched(store);
            assertEquals(ReadStatus.FOUND, store.read("t", 0, 0, 10, 1 << 20, MessageFilter.ACCEPT_ALL).status(),
                    "reads go on");
        }
    }

    @Test
    void asyncFlushFsyncsInTheBackgroundAndFailureIsFatal() {
        AtomicBoolean fail = new AtomicBoolean();
        FileSync failing = channel -> {
            if (fail.get()) {
                throw new IOException("EIO (injected)");
            }
            channel.force(false);
        };
        try (DefaultMessageStore store = open(FlushDiskType.ASYNC_FLUSH, failing)) {
            StoreFixture.append(store, "t", 0, message("a", null, null));
            StoreFixture.awaitTrue("background flush", () ->
                    store.status().flushedOffset() == store.status().commitLogMaxOffset());
            assertTrue(fsyncs.get() > 0);
            fail.set(true);
            StoreFixture.append(store, "t", 0, message("b", null, null));
            StoreFixture.awaitTrue("store marked unwritable", () -> !store.status().writable());
            assertEquals(AppendStatus.SERVICE_NOT_AVAILABLE,
                    store.append(AppendRequest.single("t", 0, message("c", null, null))).join().status());
        }
    }

    private static void sleepQuietly(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
