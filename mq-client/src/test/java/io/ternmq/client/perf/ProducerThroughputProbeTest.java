package io.ternmq.client.perf;

import io.ternmq.broker.store.FlushDiskType;
import io.ternmq.client.Message;
import io.ternmq.client.producer.Producer;
import io.ternmq.client.producer.SendResult;
import io.ternmq.test.EmbeddedBroker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

/**
 * Not a behaviour test: async and sync produce throughput of 1 KiB messages against an in-JVM broker, batching off
 * and on, interleaved. Run with {@code ./mvnw -o -pl mq-client -am test -Dtest=ProducerThroughputProbeTest
 * -Dclient.probe=true -Dsurefire.failIfNoSpecifiedTests=false [-Dprobe.flush=SYNC_FLUSH]}.
 */
@EnabledIfSystemProperty(named = "client.probe", matches = "true")
class ProducerThroughputProbeTest {
    private static final boolean[] BATCHING = Boolean.getBoolean("probe.batchingOnly") ? new boolean[]{true} : new boolean[]{false, true};
    @Test
    void produceThroughputWithAndWithoutClientBatching() throws Exception {
        FlushDiskType flush = FlushDiskType.valueOf(System.getProperty("probe.flush", "ASYNC_FLUSH"));
        try (EmbeddedBroker broker = EmbeddedBroker.builder().flushDiskType(flush).start()) {
            for (int round = 0; round < 2; round++) {
                for (boolean batching : BATCHING) {
                    run(broker, batching, false, round);
                    run(broker, batching, true, round);
                }
            }
        }
    }

    private void run(EmbeddedBroker broker, boolean batching, boolean sync, int round) throws Exception {
        int threads = sync ? 16 : 4;
        int window = 256;
        long seconds = Long.getLong("probe.seconds", 4);
        byte[] body = new byte[1024];
        ThreadLocalRandom.current().nextBytes(body);
        try (Producer producer = Producer.builder().brokerAddress(broker.address()).producerGroup("probe")
                .batching(batching).build()) {
            producer.start();
            String topic = "probe-" + System.nanoTime();
            producer.send(Message.of(topic, "warm"));
            AtomicBoolean stop = new AtomicBoolean();
            LongAdder sent = new LongAdder();
            LongAdder errors = new LongAdder();
            List<Thread> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                Thread w = new Thread(() -> {
                    Semaphore inFlight = new Semaphore(window);
                    while (!stop.get()) {
                        Message m = Message.builder().topic(topic).body(body).build();
                        if (sync) {
                            producer.send(m);
                            sent.increment();
                            continue;
                        }
                        inFlight.acquireUninterruptibly();
                        CompletableFuture<SendResult> f = producer.sendAsync(m);
                        f.whenComplete((r, e) -> {
                            if (e != null) {
                                errors.increment();
                            } else {
                                sent.increment();
                            }
                            inFlight.release();
                        });
                    }
                    inFlight.acquireUninterruptibly(window);
                });
                w.start();
                workers.add(w);
            }
            long t0 = System.nanoTime();
            Thread.sleep(seconds * 1000);
            long n = sent.sum();
            double secs = (System.nanoTime() - t0) / 1e9;
            stop.set(true);
            for (Thread w : workers) {
                w.join();
            }
            System.out.printf("PROBE flush=%s round=%d batching=%s mode=%s threads=%d msg/s=%.0f errors=%d%n",
                    System.getProperty("probe.flush", "ASYNC_FLUSH"), round, batching, sync ? "sync" : "async256",
                    threads, n / secs, errors.sum());
        }
    }
}
