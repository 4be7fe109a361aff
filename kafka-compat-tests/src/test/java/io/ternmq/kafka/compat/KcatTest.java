package io.ternmq.kafka.compat;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * kcat (librdkafka) as a separate process: metadata listing, producing with every compression codec, consuming a
 * partition, and consuming with a balanced consumer group whose commits the Java Admin then sees.
 *
 * <p>kcat must be installed (Debian/Ubuntu: {@code apt-get install kcat}; CI's {@code .ci/run} installs it). Without
 * it these tests fail, unless {@code -Dkafka.compat.skipKcat=true} explicitly opts out on a developer machine.
 * {@code -Dkafka.compat.kcat=/path/to/kcat} picks a binary that is not on the PATH.
 */
class KcatTest extends BrokerScenario {
    private static final Duration TOOL_TIMEOUT = Duration.ofSeconds(60);
    private static String kcat;

    @BeforeAll
    static void start() throws Exception {
        kcat = findKcat();
    }


    private static String findKcat() {
        String explicit = System.getProperty("kafka.compat.kcat");
        if (explicit != null && !explicit.isBlank()) {
            return explicit;
        }
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            for (String name : List.of("kcat", "kafkacat")) {
                Path candidate = Path.of(dir, name);
                if (Files.isExecutable(candidate)) {
                    return candidate.toString();
                }
            }
        }
        Assumptions.assumeFalse(Boolean.getBoolean("kafka.compat.skipKcat"),
                "kcat is not installed and -Dkafka.compat.skipKcat=true opts out of the kcat tests");
        return fail("kcat is not installed (not on the PATH): install it, e.g. `sudo apt-get install -y kcat` "
                + "(CI's .ci/run does), point -Dkafka.compat.kcat=/path/to/kcat at it, or skip these tests "
                + "explicitly with -Dkafka.compat.skipKcat=true");
    }

    private static ExternalProcess.Result kcat(String stdin, String... args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(kcat);
        command.add("-b");
        command.add(broker.kafkaAddress());
        command.addAll(List.of(args));
        return ExternalProcess.run(command, stdin, TOOL_TIMEOUT);
    }

    @Test
    void metadataListingShowsTheBrokerAndTheTopicsPartitions() throws Exception {
        KafkaClients.createTopic(admin, "kcat-listed", 3);
        String out = kcat(null, "-L").assertSuccess().stdout();
        assertTrue(out.contains(" 1 brokers:"), out);
        assertTrue(out.contains("broker 0 at " + broker.kafkaAddress()), out);
        assertTrue(out.contains("topic \"kcat-listed\" with 3 partitions:"), out);
        for (int p = 0; p < 3; p++) {
            assertTrue(out.contains("partition " + p + ", leader 0, replicas: 0, isrs: 0"), out);
        }

        String one = kcat(null, "-L", "-t", "kcat-listed").assertSuccess().stdout();
        assertTrue(one.contains("topic \"kcat-listed\" with 3 partitions:"), one);
    }

    @Test
    void producesWithEveryCodecAndTheJavaConsumerReadsIt() throws Exception {
        String topic = "kcat-produced";
        KafkaClients.createTopic(admin, topic, 3);
        List<String> codecs = List.of("none", "gzip", "snappy", "lz4", "zstd");
        Set<String> expected = new TreeSet<>();
        for (String codec : codecs) {
            StringBuilder lines = new StringBuilder();
            for (int i = 0; i < 20; i++) {
                String line = codec + "-" + i + ":" + codec + " value " + i + " " + "abc".repeat(20);
                lines.append(line).append('\n');
                expected.add(line);
            }
            // a delivery the broker refuses fails kcat after 20 s instead of librdkafka's default 5 minutes
            kcat(lines.toString(), "-P", "-t", topic, "-K", ":", "-z", codec, "-X", "message.timeout.ms=20000")
                    .assertSuccess();
        }

        Set<String> consumed = new TreeSet<>();
        try (KafkaConsumer<String, String> consumer = KafkaClients.consumer(broker, null)) {
            consumer.assign(List.of(new TopicPartition(topic, 0), new TopicPartition(topic, 1),
                    new TopicPartition(topic, 2)));
            for (ConsumerRecord<String, String> r : KafkaClients.pollUntil(consumer, expected.size(),
                    KafkaClients.TIMEOUT)) {
                consumed.add(r.key() + ":" + r.value());
            }
        }
        assertEquals(expected, consumed);
    }

    @Test
    void consumesAPartitionToTheEnd() throws Exception {
        String topic = "kcat-partition";
        KafkaClients.createTopic(admin, topic, 3);
        produce(topic, 2, 5);
        String out = kcat(null, "-C", "-t", topic, "-p", "2", "-o", "beginning", "-e", "-f", "%p|%o|%k|%s|%T\\n")
                .assertSuccess().stdout();
        List<String> lines = out.lines().toList();
        assertEquals(5, lines.size(), out);
        for (int i = 0; i < 5; i++) {
            String[] f = lines.get(i).split("\\|");
            assertEquals(List.of("2", Integer.toString(i), "k" + i, "v" + i), List.of(f[0], f[1], f[2], f[3]));
            assertEquals(1_600_000_000_000L + i, Long.parseLong(f[4]), "timestamp of " + lines.get(i));
        }

        // -Q: offsets for times (ListOffsets by timestamp), the first record at or after the time
        String queried = kcat(null, "-Q", "-t", topic + ":2:" + (1_600_000_000_000L + 3)).assertSuccess().stdout();
        assertTrue(queried.matches("(?s).*" + topic + " \\[2\\]\\s+offset 3\\b.*"), queried);
    }

    @Test
    void aBalancedConsumerGroupReadsEverythingAndCommits() throws Exception {
        String topic = "kcat-grouped";
        KafkaClients.createTopic(admin, topic, 3);
        for (int p = 0; p < 3; p++) {
            produce(topic, p, 4);
        }
        String out = kcat(null, "-G", "kcat-group", "-X", "auto.offset.reset=earliest", "-c", "12",
                "-f", "%p|%o|%s\\n", topic).assertSuccess().stdout();
        Set<String> seen = new TreeSet<>();
        Pattern line = Pattern.compile("(\\d)\\|(\\d+)\\|(v\\d+)");
        for (String l : out.lines().toList()) {
            Matcher m = line.matcher(l);
            assertTrue(m.matches(), "unexpected output line '" + l + "' in\n" + out);
            assertEquals("v" + m.group(2), m.group(3));
            seen.add(m.group(1) + "@" + m.group(2));
        }
        assertEquals(12, seen.size(), out);

        Map<TopicPartition, OffsetAndMetadata> expected = new HashMap<>();
        for (int p = 0; p < 3; p++) {
            expected.put(new TopicPartition(topic, p), new OffsetAndMetadata(4));
        }
        Await.until("kcat's commits to show in the group's offsets", KafkaClients.TIMEOUT,
                () -> committedOffsets("kcat-group").equals(offsetsOnly(expected)),
                () -> committedOffsets("kcat-group").toString());
    }

    private static Map<TopicPartition, Long> committedOffsets(String group) {
        try {
            return offsetsOnly(admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata()
                    .get(KafkaClients.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS));
        } catch (Exception e) {
            throw new AssertionError("listConsumerGroupOffsets failed", e);
        }
    }

    private static Map<TopicPartition, Long> offsetsOnly(Map<TopicPartition, OffsetAndMetadata> offsets) {
        Map<TopicPartition, Long> result = new HashMap<>();
        offsets.forEach((tp, o) -> result.put(tp, o == null ? null : o.offset()));
        return result;
    }

    private static void produce(String topic, int partition, int count) throws Exception {
        try (KafkaProducer<String, String> producer = KafkaClients.producer(broker)) {
            for (int i = 0; i < count; i++) {
                producer.send(new ProducerRecord<>(topic, partition, 1_600_000_000_000L + i, "k" + i, "v" + i));
            }
            producer.flush();
        }
    }
}
