package io.ternmq.broker.store;

import io.ternmq.broker.store.io.FileSync;
import io.ternmq.broker.store.io.StorageHooks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Not a behaviour test: SYNC_FLUSH group commit throughput with T closed-loop appenders, and how many appends each
 * fsync covered. Run with {@code ./mvnw -o -pl broker-store test -Dtest=GroupCommitProbeTest -Dstore.probe=true
 * -Dprobe.threads=1,4,16}.
 */
@EnabledIfSystemProperty(named = "store.probe", matches = "true")
class GroupCommitProbeTest {
    @TempDir
    Path dir;

    @Test
    void syncFlushAppendsPerFsyncAtSeveralConcurrencies() throws Exception {
        for (String t : System.getProperty("probe.threads", "1,4,16").split(",")) {
            run(Integer.parseInt(t.trim()));
        }
    }

    private void run(int threads) throws Exception {
        LongAdder fsyncs = new LongAdder();
        AtomicLong fsyncNanos = new AtomicLong();
        long fakeUs = Long.getLong("probe.fakeFsyncUs", 0);
        FileSync counting = channel -> {
            long t0 = System.nanoTime();
            if (fakeUs > 0) {
                java.util.concurrent.locks.LockSupport.parkNanos(fakeUs * 1000);
            } else {
                channel.force(false);
            }
            fsyncNanos.addAndGet(System.nanoTime() - t0);
            fsyncs.increment();
        };
        Path root = dir.resolve("t" + threads);
        StoreConfig config = StoreConfig.defaults(root).withSegmentSize(256L << 20)
                .withFlushDiskType(FlushDiskType.SYNC_FLUSH);
        try (DefaultMessageStore store = DefaultMessageStore.open(config, StorageHooks.defaults().withFileSync(counting))) {
            byte[] body = new byte[1024];
            long seconds = Long.getLong("probe.seconds", 4);
            for (int round = 0; round < 2; round++) {
                AtomicBoolean stop = new AtomicBoolean();
                LongAdder appends = new LongAdder();
                List<Thread> ts = new ArrayList<>();
                fsyncs.reset();
                fsyncNanos.set(0);
                for (int t = 0; t < threads; t++) {
                    int q = t % 4;
                    Thread th = new Thread(() -> {
                        AppendRequest r = AppendRequest.single("perf", q, MessageDraft.of(body, Map.of("KEYS", "k"), 1));
                        while (!stop.get()) {
                            AppendResult res = store.append(r).join();
                            if (!res.ok()) {
                                throw new AssertionError(res.toString());
                            }
                            appends.increment();
                        }
                    });
                    th.start();
                    ts.add(th);
                }
                long t0 = System.nanoTime();
                Thread.sleep(seconds * 1000);
                stop.set(true);
                for (Thread th : ts) {
                    th.join();
                }
                double secs = (System.nanoTime() - t0) / 1e9;
                long n = appends.sum();
                long f = fsyncs.sum();
                System.out.printf("PROBE threads=%d round=%d appends/s=%.0f fsyncs/s=%.0f appends/fsync=%.2f"
                                + " fsync_us=%.0f%n", threads, round, n / secs, f / secs, (double) n / Math.max(1, f),
                        fsyncNanos.get() / 1e3 / Math.max(1, f));
            }
        }
    }
}
