package io.ternmq.kafka.compat;

import io.ternmq.test.BrokerProcess;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.CRC32C;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Kills a broker process with SIGKILL at random moments while an idempotent {@code KafkaProducer} (acks=all, the
 * defaults) sends numbered records from several threads, restarts it on the same store and ports (the client
 * reconnects and retries), then reads everything back with a {@code KafkaConsumer} and checks: every acknowledged
 * record is at the offset it was acknowledged with, exactly as sent (checksummed); acknowledged records of one thread
 * keep their order within a partition; and none is stored twice (a batch retried across a crash is recognised from
 * the producer state rebuilt from the log). Unacknowledged records may or may not be there.
 *
 * <p>{@code -Dkafka.crash.cycles=N} (default 5) sets the number of kills per flush mode.
 */
@Tag("crash")
class KafkaBrokerCrashTest {
    private static final String TOPIC = "crash-ledger";
    private static final int PARTITIONS = 3;
    private static final int THREADS = 3;
    private static final int MAX_OUTSTANDING_PER_THREAD = 200;
    private static final Duration DEADLINE = Duration.ofSeconds(60);

    @TempDir
    Path tmp;

    @Test
    void syncFlushLosesDuplicatesAndReordersNoAcknowledgedRecordAcrossKill9Cycles() throws Exception {
        runCycles("SYNC_FLUSH");
    }

    @Test
    void asyncFlushLosesNoAcknowledgedRecordWhenOnlyTheProcessDies() throws Exception {
        runCycles("ASYNC_FLUSH");
    }

    /** One record: the sending thread, its number, the partition it was sent to; the value carries a CRC. */
    record Sent(int thread, long seq, int partition) {
        String value() {
            String text = thread + ":" + seq + ":" + partition + ":" + "x".repeat((int) (seq % 40));
            return text + ":" + crc(text);
        }

        /** The record a value stands for, or null when its checksum does not match. */
        static Sent parse(String value) {
            int cut = value == null ? -1 : value.lastIndexOf(':');
            if (cut < 0 || !value.substring(cut + 1).equals(Long.toString(crc(value.substring(0, cut))))) {
                return null;
            }
            String[] f = value.split(":");
            return new Sent(Integer.parseInt(f[0]), Long.parseLong(f[1]), Integer.parseInt(f[2]));
        }

        private static long crc(String text) {
            CRC32C crc = new CRC32C();
            crc.update(text.getBytes(StandardCharsets.UTF_8));
            return crc.getValue();
        }
    }

    /** Where the broker said an acknowledged record is. */
    record Placement(int partition, long offset) {
    }

    private void runCycles(String flushDiskType) throws Exception {
        int cycles = Integer.getInteger("kafka.crash.cycles", 5);
        long started = System.nanoTime();
        int kafkaPort = BrokerProcess.freePort();
        String bootstrap = "127.0.0.1:" + kafkaPort;
        Map<Sent, Placement> acknowledged = new ConcurrentHashMap<>();
        AtomicInteger failedSends = new AtomicInteger();
        AtomicBoolean producing = new AtomicBoolean(true);
        try (BrokerProcess broker = new BrokerProcess(tmp.resolve("store"), flushDiskType, Map.of(
                "kafkaEnable", "true", "kafkaListenPort", Integer.toString(kafkaPort),
                "kafkaAdvertisedHost", "127.0.0.1"))) {
            broker.start();
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
                admin.createTopics(List.of(new NewTopic(TOPIC, PARTITIONS, (short) 1))).all()
                        .get(30, TimeUnit.SECONDS);
            }
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerConfig(bootstrap))) {
                List<Thread> threads = new ArrayList<>();
                for (int t = 0; t < THREADS; t++) {
                    threads.add(senderThread(producer, t, producing, acknowledged, failedSends));
                }
                threads.forEach(Thread::start);
                for (int cycle = 0; cycle < cycles; cycle++) {
                    awaitProgress(acknowledged, broker);
                    Thread.sleep(ThreadLocalRandom.current().nextInt(200, 700)); // a random moment mid-stream
                    broker.kill();
                    broker.start();
                }
                awaitProgress(acknowledged, broker); // the last restart serves again
                producing.set(false);
                for (Thread t : threads) {
                    t.join(DEADLINE.toMillis());
                    assertTrue(!t.isAlive(), "sender " + t.getName() + " did not finish");
                }
                producer.flush(); // every send is now acknowledged or failed
            }
            verify(bootstrap, acknowledged, failedSends.get(), flushDiskType, cycles, started);
        }
    }

    private static Map<String, Object> producerConfig(String bootstrap) {
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        // defaults otherwise (acks=all, idempotence on, 5 requests in flight); fail fast enough for a test
        config.put(ProducerConfig.LINGER_MS_CONFIG, 2);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 30_000);
        config.put(ProducerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 200);
        config.put(ProducerConfig.RETRY_BACKOFF_MS_CONFIG, 50);
        return config;
    }

    private static Thread senderThread(KafkaProducer<String, String> producer, int id, AtomicBoolean producing,
                                       Map<Sent, Placement> acknowledged, AtomicInteger failedSends) {
        Semaphore outstanding = new Semaphore(MAX_OUTSTANDING_PER_THREAD);
        return new Thread(() -> {
            long seq = 0;
            try {
                while (producing.get()) {
                    Sent s = new Sent(id, seq, (int) (seq % PARTITIONS));
                    seq++;
                    outstanding.acquire();
                    producer.send(new ProducerRecord<>(TOPIC, s.partition(), "t" + id, s.value()), (md, error) -> {
                        if (error == null) {
                            acknowledged.put(s, new Placement(md.partition(), md.offset()));
                        } else {
                            failedSends.incrementAndGet();
                        }
                        outstanding.release();
                    });
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "kafka-crash-sender-" + id);
    }

    /** Waits until more records are acknowledged than now (the broker serves again). */
    private static void awaitProgress(Map<Sent, Placement> acknowledged, BrokerProcess broker) throws Exception {
        int before = acknowledged.size();
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        while (acknowledged.size() < before + THREADS * 10) {
            if (System.nanoTime() - deadline > 0) {
                fail("no records acknowledged within " + DEADLINE + " after a (re)start, see " + broker.log());
            }
            Thread.sleep(5);
        }
    }

    private static void verify(String bootstrap, Map<Sent, Placement> acknowledged, int failedSends,
                               String flushDiskType, int cycles, long started) {
        Map<TopicPartition, List<ConsumerRecord<String, String>>> stored = readAll(bootstrap);
        Map<Sent, Integer> copies = new HashMap<>();
        Map<Placement, Sent> byPlacement = new HashMap<>();
        int corrupted = 0;
        int orderViolations = 0;
        int total = 0;
        for (List<ConsumerRecord<String, String>> records : stored.values()) {
            Map<Integer, Long> lastAcknowledgedSeq = new HashMap<>();
            for (ConsumerRecord<String, String> r : records) {
                total++;
                Sent s = Sent.parse(r.value());
                if (s == null || s.partition() != r.partition() || !("t" + s.thread()).equals(r.key())) {
                    corrupted++;
                    continue;
                }
                copies.merge(s, 1, Integer::sum);
                byPlacement.put(new Placement(r.partition(), r.offset()), s);
                if (acknowledged.containsKey(s)) {
                    Long last = lastAcknowledgedSeq.put(s.thread(), s.seq());
                    if (last != null && last >= s.seq()) {
                        orderViolations++;
                    }
                }
            }
        }
        long lost = acknowledged.keySet().stream().filter(s -> !copies.containsKey(s)).count();
        long misplaced = acknowledged.entrySet().stream()
                .filter(e -> copies.containsKey(e.getKey()) && !e.getKey().equals(byPlacement.get(e.getValue())))
                .count();
        long duplicatedAcknowledged = acknowledged.keySet().stream().filter(s -> copies.getOrDefault(s, 0) > 1)
                .count();
        long duplicatedOther = copies.entrySet().stream()
                .filter(e -> e.getValue() > 1 && !acknowledged.containsKey(e.getKey())).count();
        System.out.printf("kafka crash test %s: %d kill -9 cycles, %d acknowledged, %d failed sends, %d stored,"
                        + " %d lost, %d corrupted, %d misplaced, %d order violations, %d duplicated acknowledged,"
                        + " %d duplicated unacknowledged, %.1f s%n", flushDiskType, cycles, acknowledged.size(),
                failedSends, total, lost, corrupted, misplaced, orderViolations, duplicatedAcknowledged,
                duplicatedOther, (System.nanoTime() - started) / 1e9);
        assertTrue(acknowledged.size() > cycles * THREADS * 10, "too few records acknowledged to mean anything");
        assertEquals(0, lost, "acknowledged records lost");
        assertEquals(0, corrupted, "corrupted records");
        assertEquals(0, misplaced, "acknowledged records not at their acknowledged offset");
        assertEquals(0, orderViolations, "a thread's acknowledged records out of order within a partition");
        assertEquals(0, duplicatedAcknowledged, "acknowledged records stored twice");
    }

    /** Every record of the topic, per partition in offset order, read from the beginning to the end offsets. */
    private static Map<TopicPartition, List<ConsumerRecord<String, String>>> readAll(String bootstrap) {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        Map<TopicPartition, List<ConsumerRecord<String, String>>> result = new HashMap<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (int p = 0; p < PARTITIONS; p++) {
                partitions.add(new TopicPartition(TOPIC, p));
                result.put(partitions.get(p), new ArrayList<>());
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, DEADLINE);
            long deadline = System.nanoTime() + DEADLINE.toNanos();
            while (partitions.stream().anyMatch(tp -> consumer.position(tp, DEADLINE) < ends.get(tp))) {
                if (System.nanoTime() - deadline > 0) {
                    fail("could not read to the end offsets " + ends + " within " + DEADLINE);
                }
                consumer.poll(Duration.ofMillis(200)).forEach(r -> result.get(
                        new TopicPartition(r.topic(), r.partition())).add(r));
            }
        }
        return result;
    }
}
