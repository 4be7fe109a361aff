package io.ternmq.client.crash;

import io.ternmq.client.ClientConfig;
import io.ternmq.client.Message;
import io.ternmq.client.MessageQueue;
import io.ternmq.client.MessageQueueSelector;
import io.ternmq.client.admin.AdminClient;
import io.ternmq.client.consumer.MessageExt;
import io.ternmq.client.consumer.PullConsumer;
import io.ternmq.client.consumer.PullResult;
import io.ternmq.client.consumer.PullStatus;
import io.ternmq.client.producer.Producer;
import io.ternmq.client.producer.SendStatus;
import io.ternmq.test.BrokerProcess;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.zip.CRC32C;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Kills a broker process with SIGKILL at random moments while producers send, restarts it on the same store, and
 * checks afterwards: no acknowledged (SEND_OK) message is lost, no stored body is corrupt, and each producer's
 * messages keep their order within each queue. {@code -Dcrash.cycles=N} (default 20) sets the number of kills.
 *
 * <p>Run alone with {@code -Dtest=BrokerCrashRecoveryTest} or {@code -Dgroups=crash}.
 */
@Tag("crash")
class BrokerCrashRecoveryTest {
    private static final int PRODUCERS = 3;
    private static final int QUEUES = 4;
    private static final String TOPIC = "CrashTopic";

    @TempDir
    Path tmp;

    @Test
    void syncFlushLosesNoAcknowledgedMessageAcrossKill9Cycles() throws Exception {
        runCycles("SYNC_FLUSH");
    }

    @Test
    void asyncFlushLosesNoAcknowledgedMessageWhenOnlyTheProcessDies() throws Exception {
        runCycles("ASYNC_FLUSH");
    }

    /** One message: who sent it, its sequence number, the queue it was meant for, and a CRC of all that. */
    record Sent(int producer, long seq, int queue) {
        byte[] body() {
            byte[] text = (producer + ":" + seq + ":" + queue + ":" + "x".repeat((int) (seq % 50)))
                    .getBytes(StandardCharsets.UTF_8);
            CRC32C crc = new CRC32C();
            crc.update(text);
            return ByteBuffer.allocate(text.length + 8).put(text).putLong(crc.getValue()).array();
        }

        /** Parses and verifies a body; null when the checksum does not match. */
        static Sent parse(byte[] body) {
            if (body.length < 8) {
                return null;
            }
            CRC32C crc = new CRC32C();
            crc.update(body, 0, body.length - 8);
            if (crc.getValue() != ByteBuffer.wrap(body, body.length - 8, 8).getLong()) {
                return null;
            }
            String[] parts = new String(body, 0, body.length - 8, StandardCharsets.UTF_8).split(":");
            return new Sent(Integer.parseInt(parts[0]), Long.parseLong(parts[1]), Integer.parseInt(parts[2]));
        }
    }

    private void runCycles(String flushDiskType) throws Exception {
        int cycles = Integer.getInteger("crash.cycles", 20);
        long started = System.nanoTime();
        Set<Sent> acknowledged = ConcurrentHashMap.newKeySet();
        AtomicBoolean producing = new AtomicBoolean(true);
        try (BrokerProcess broker = new BrokerProcess(tmp.resolve("store"), flushDiskType)) {
            broker.start();
            try (AdminClient admin = AdminClient.create(broker.address())) {
                admin.createTopic(TOPIC, QUEUES);
            }
            List<Thread> threads = new ArrayList<>();
            for (int p = 0; p < PRODUCERS; p++) {
                threads.add(producerThread(broker.address(), p, producing, acknowledged));
            }
            threads.forEach(Thread::start);
            for (int cycle = 0; cycle < cycles; cycle++) {
                int before = acknowledged.size();
                long until = System.nanoTime() + Duration.ofMillis(ThreadLocalRandom.current().nextInt(300, 900))
                        .toNanos();
                // wait for progress after the restart, then a random moment later
                while (acknowledged.size() == before || System.nanoTime() < until) {
                    Thread.sleep(5);
                }
                broker.kill();
                broker.start();
            }
            producing.set(false);
            for (Thread t : threads) {
                t.join();
            }
            verify(broker.address(), acknowledged, flushDiskType, cycles, started);
        }
    }

    private Thread producerThread(String address, int id, AtomicBoolean producing, Set<Sent> acknowledged) {
        MessageQueueSelector byQueueArg = (queues, msg, arg) -> queues.get((Integer) arg);
        return new Thread(() -> {
            try (Producer producer = Producer.builder().clientConfig(ClientConfig.builder().brokerAddress(address)
                    .requestTimeout(Duration.ofSeconds(5)).build()).producerGroup("crash-producers")
                    .sendTimeout(Duration.ofSeconds(5)).build()) {
                producer.start();
                long seq = 0;
                while (producing.get()) {
                    Sent s = new Sent(id, seq, (int) (seq % QUEUES));
                    seq++;
                    try {
                        Message m = Message.builder().topic(TOPIC).body(s.body()).keys("p" + id + "-" + s.seq())
                                .build();
                        if (producer.sendOrderly(m, s.queue(), byQueueArg).status() == SendStatus.SEND_OK) {
                            acknowledged.add(s);
                        }
                    } catch (RuntimeException e) {
                        // broker down or killed mid-request: not acknowledged; move on with the next number
                        sleepQuietly(10);
                    }
                }
            }
        }, "crash-producer-" + id);
    }

    private void verify(String address, Set<Sent> acknowledged, String flushDiskType, int cycles, long started) {
        Set<Sent> stored = new java.util.HashSet<>();
        int corrupted = 0;
        int orderViolations = 0;
        int total = 0;
        try (PullConsumer reader = PullConsumer.builder().clientConfig(ClientConfig.of(address))
                .consumerGroup("crash-verifier").build()) {
            reader.start();
            for (int q = 0; q < QUEUES; q++) {
                MessageQueue mq = new MessageQueue(TOPIC, q);
                Map<Integer, Long> lastSeq = new HashMap<>();
                long offset = 0;
                while (true) {
                    PullResult r = reader.pull(mq, offset, 256, Duration.ZERO);
                    if (r.status() != PullStatus.FOUND && r.status() != PullStatus.NO_MATCHED_MSG) {
                        break;
                    }
                    for (MessageExt m : r.messages()) {
                        total++;
                        Sent s = Sent.parse(m.body());
                        if (s == null || s.queue() != q) {
                            corrupted++;
                            continue;
                        }
                        stored.add(s);
                        Long last = lastSeq.put(s.producer(), s.seq());
                        if (last != null && last >= s.seq()) {
                            orderViolations++;
                        }
                    }
                    offset = r.nextOffset();
                }
            }
        }
        long lost = acknowledged.stream().filter(s -> !stored.contains(s)).count();
        System.out.printf("crash test %s: %d kill -9 cycles, %d acknowledged, %d stored, %d lost, %d corrupted,"
                        + " %d order violations, %.1f s%n", flushDiskType, cycles, acknowledged.size(), total, lost,
                corrupted, orderViolations, (System.nanoTime() - started) / 1e9);
        assertTrue(acknowledged.size() > cycles, "too few messages acknowledged to mean anything");
        assertEquals(0, lost, "acknowledged messages lost");
        assertEquals(0, corrupted, "corrupted reads");
        assertEquals(0, orderViolations, "per-producer order within a queue broken");
    }

    private static void sleepQuietly(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
