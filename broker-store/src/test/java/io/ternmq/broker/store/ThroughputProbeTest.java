package io.ternmq.broker.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Not a behaviour test: prints append throughput of 1 KiB messages from several threads. Run with
 * {@code ./mvnw -o -pl broker-store test -Dtest=ThroughputProbeTest -Dstore.probe=true}.
 */
@EnabledIfSystemProperty(named = "store.probe", matches = "true")
class ThroughputProbeTest {
    @TempDir
    Path dir;

    @Test
    void appendThroughputOfOneKibMessagesFromFourThreads() throws Exception {
        StoreConfig config = StoreConfig.defaults(dir).withSegmentSize(256L << 20);
        try (DefaultMessageStore store = StoreFixture.open(config)) {
            byte[] body = new byte[1024];
            int threads = Integer.getInteger("probe.threads", 4);
            int per = 100_000;
            for (int round = 0; round < 2; round++) {
                long t0 = System.nanoTime();
                List<Thread> ts = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    int q = t;
                    Thread th = new Thread(() -> {
                        MessageDraft d = MessageDraft.of(body, Map.of("TAGS", "a", "KEYS", "k"), 1);
                        AppendRequest r = AppendRequest.single("perf", q, d);
                        for (int i = 0; i < per; i++) {
                            store.append(r).join();
                        }
                    });
                    th.start();
                    ts.add(th);
                }
                for (Thread th : ts) {
                    th.join();
                }
                long t1 = System.nanoTime();
                StoreFixture.awaitDispatched(store);
                long t2 = System.nanoTime();
                System.out.printf("append %.0f msg/s, dispatch done +%d ms%n",
                        threads * per / ((t1 - t0) / 1e9), (t2 - t1) / 1_000_000);
            }
        }
    }
}
