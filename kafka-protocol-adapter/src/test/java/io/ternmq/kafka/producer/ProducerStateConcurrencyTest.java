package io.ternmq.kafka.producer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The append path under concurrency: several producers (different ids) send to the same partition from their own
 * threads, each with up to 5 batches in flight and retries of its recent batches mixed in, while a store stand-in
 * completes appends on other threads in any order. Every batch must be stored exactly once, retries must be
 * DUPLICATEs answered with the original placement, and in-order sequences are never OUT_OF_ORDER.
 */
class ProducerStateConcurrencyTest {
    private static final int PRODUCERS = 6;
    private static final int BATCHES = 2_000;
    private static final int IN_FLIGHT = 5;

    @TempDir
    Path dir;
    private final ExecutorService completer = Executors.newFixedThreadPool(3);

    @AfterEach
    void stop() {
        completer.shutdownNow();
    }

    /** Assigns offsets at once (the appender runs under the partition lock), completes later on a pool thread. */
    private final class AsyncLog implements ProducerLog {
        private long end;
        final Map<String, Long> stored = new ConcurrentHashMap<>(); // "pid:firstSeq" -> base offset
        final Map<String, Integer> copies = new ConcurrentHashMap<>();

        synchronized CompletableFuture<AppendedBatch> append(BatchSequence s) {
            int records = s.lastSeq() - s.firstSeq() + 1;
            long base = end;
            end += records;
            String key = s.producerId() + ":" + s.firstSeq();
            stored.put(key, base);
            copies.merge(key, 1, Integer::sum);
            CompletableFuture<AppendedBatch> f = new CompletableFuture<>();
            completer.execute(() -> f.complete(new AppendedBatch(base, base + records - 1, -1)));
            return f;
        }

        @Override
        public synchronized long endOffset(String topic, int partition) {
            return end;
        }

        @Override
        public List<LogPartition> partitions() {
            return List.of(new LogPartition("t", 0));
        }

        @Override
        public void readBatches(String topic, int partition, long from, long to, Consumer<StoredBatch> sink) {
        }
    }

    private record Sent(BatchSequence sequence, SequenceOutcome outcome, CompletableFuture<AppendedBatch> result) {
    }

    @Test
    void concurrentProducersWithRetriesStoreEachBatchOnceAndNeverGoOutOfOrder() throws Exception {
        AsyncLog log = new AsyncLog();
        ProducerStateTable table = ProducerStateTable.open(dir, System::currentTimeMillis, Duration.ofHours(1), log);
        Map<String, String> failures = new ConcurrentHashMap<>();
        List<Sent> originals = Collections.synchronizedList(new ArrayList<>());
        List<Sent> retries = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int p = 0; p < PRODUCERS; p++) {
            long pid = 100 + p;
            Random random = new Random(pid);
            threads.add(new Thread(() -> {
                try {
                    start.await();
                    List<Sent> window = new ArrayList<>();
                    int seq = 0;
                    for (int i = 0; i < BATCHES; i++) {
                        BatchSequence s = new BatchSequence(pid, (short) 0, seq, seq + random.nextInt(3));
                        seq = s.lastSeq() + 1;
                        Sent sent = send(table, log, s);
                        if (sent.outcome() != SequenceOutcome.APPEND) {
                            failures.put(pid + ":" + s.firstSeq(), sent.outcome().name());
                            return;
                        }
                        originals.add(sent);
                        window.add(sent);
                        if (window.size() > IN_FLIGHT) { // the client waits for its oldest request
                            window.remove(0).result().join();
                        }
                        if (random.nextInt(10) < 3) { // a retry of one of the last 5 batches (timeout, reconnect)
                            Sent again = window.get(random.nextInt(window.size()));
                            retries.add(send(table, log, again.sequence()));
                        }
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (RuntimeException e) {
                    failures.put("producer " + pid, e.toString());
                }
            }, "producer-" + pid));
        }
        threads.forEach(Thread::start);
        start.countDown();
        for (Thread t : threads) {
            t.join(TimeUnit.SECONDS.toMillis(60));
            assertTrue(!t.isAlive(), t.getName() + " did not finish");
        }
        assertEquals(Map.of(), failures, "every original was appended (never OUT_OF_ORDER)");
        assertEquals(PRODUCERS * BATCHES, log.copies.size());
        assertTrue(log.copies.values().stream().allMatch(c -> c == 1), "a batch was stored twice");
        for (Sent s : originals) {
            assertEquals((long) log.stored.get(s.sequence().producerId() + ":" + s.sequence().firstSeq()),
                    s.result().get(10, TimeUnit.SECONDS).baseOffset());
        }
        assertTrue(retries.size() > PRODUCERS * BATCHES / 5, "too few retries to mean anything: " + retries.size());
        for (Sent r : retries) {
            assertEquals(SequenceOutcome.DUPLICATE, r.outcome(), "a retry of a recent batch: " + r.sequence());
            assertEquals((long) log.stored.get(r.sequence().producerId() + ":" + r.sequence().firstSeq()),
                    r.result().get(10, TimeUnit.SECONDS).baseOffset(), "a retry answers the original offset");
        }
    }

    private static Sent send(ProducerStateTable table, AsyncLog log, BatchSequence s) {
        SequenceDecision d = table.append("t", 0, s, () -> log.append(s));
        return new Sent(s, d.outcome(), d.result());
    }
}
