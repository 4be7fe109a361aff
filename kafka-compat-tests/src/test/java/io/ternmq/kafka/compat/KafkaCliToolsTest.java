package io.ternmq.kafka.compat;

import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Apache Kafka's own command-line tools (kafka-tools 4.3.1 from Maven Central, each run in its own JVM with the
 * classpath kafka-compat-tools resolved): kafka-topics, kafka-console-producer, kafka-console-consumer and
 * kafka-consumer-groups, asserting on their output and exit codes as an operator would read them.
 */
class KafkaCliToolsTest extends BrokerScenario {
    private static final Duration TOOL_TIMEOUT = Duration.ofSeconds(90);
    private static final String TOPICS = "org.apache.kafka.tools.TopicCommand";
    private static final String CONSOLE_PRODUCER = "org.apache.kafka.tools.ConsoleProducer";
    private static final String CONSOLE_CONSUMER = "org.apache.kafka.tools.consumer.ConsoleConsumer";
    private static final String CONSUMER_GROUPS = "org.apache.kafka.tools.consumer.group.ConsumerGroupCommand";
    private static String classpath;

    @BeforeAll
    static void start() throws Exception {
        classpath = toolsClasspath();
    }


    private static String toolsClasspath() throws Exception {
        String file = System.getProperty("kafka.compat.toolsClasspathFile");
        if (file == null || !Files.isRegularFile(Path.of(file))) {
            fail("the Kafka CLI tools classpath file " + file + " is missing: build kafka-compat-tools first "
                    + "(./mvnw -pl kafka-compat-tests -am ...)");
        }
        return Files.readString(Path.of(file)).trim();
    }

    private static ExternalProcess.Result tool(String mainClass, String stdin, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx256m", "-XX:TieredStopAtLevel=1", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                "-cp", classpath, mainClass, "--bootstrap-server", broker.kafkaAddress()));
        command.addAll(List.of(args));
        return ExternalProcess.run(command, stdin, TOOL_TIMEOUT);
    }

    @Test
    void topicsAreCreatedListedDescribedAndDeleted() throws Exception {
        String created = tool(TOPICS, null, "--create", "--topic", "cli-made", "--partitions", "3",
                "--replication-factor", "1").assertSuccess().stdout();
        assertTrue(created.contains("Created topic cli-made."), created);

        String listed = tool(TOPICS, null, "--list").assertSuccess().stdout();
        assertTrue(listed.lines().anyMatch("cli-made"::equals), listed);

        String described = tool(TOPICS, null, "--describe", "--topic", "cli-made").assertSuccess().stdout();
        assertTrue(described.contains("PartitionCount: 3"), described);
        assertTrue(described.contains("ReplicationFactor: 1"), described);
        for (int p = 0; p < 3; p++) {
            assertTrue(described.matches("(?s).*Partition: " + p + "\\s+Leader: 0\\s+Replicas: 0\\s+Isr: 0.*"),
                    described);
        }

        tool(TOPICS, null, "--delete", "--topic", "cli-made").assertSuccess();
        Await.until("cli-made to disappear from kafka-topics --list", TOOL_TIMEOUT, () -> {
            try {
                return tool(TOPICS, null, "--list").assertSuccess().stdout().lines().noneMatch("cli-made"::equals);
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
    }

    @Test
    void consoleProducerAndConsumerThenConsumerGroupsDescribeAndReset() throws Exception {
        String topic = "cli-console";
        String group = "cli-readers";
        KafkaClients.createTopic(admin, topic, 3);

        Set<String> lines = new TreeSet<>();
        for (int i = 0; i < 30; i++) {
            lines.add("key" + i + ":value " + i);
        }
        tool(CONSOLE_PRODUCER, String.join("\n", lines) + "\n", "--topic", topic, "--reader-property",
                "parse.key=true", "--reader-property", "key.separator=:").assertSuccess();

        ExternalProcess.Result consumed = tool(CONSOLE_CONSUMER, null, "--topic", topic, "--group", group,
                "--from-beginning", "--max-messages", "30", "--timeout-ms", "60000",
                "--formatter-property", "print.key=true", "--formatter-property", "key.separator=:").assertSuccess();
        assertEquals(lines, new TreeSet<>(consumed.stdout().lines().toList()), consumed.toString());
        assertTrue(consumed.stderr().contains("Processed a total of 30 messages"), consumed.toString());

        Map<Integer, long[]> described = describeGroup(group, topic);
        assertEquals(Set.of(0, 1, 2), described.keySet(), "one row per partition: " + describedText(described));
        long total = 0;
        for (long[] row : described.values()) {
            assertEquals(row[1], row[0], "CURRENT-OFFSET = LOG-END-OFFSET after reading all: "
                    + describedText(described));
            assertEquals(0, row[2], "LAG");
            total += row[1];
        }
        assertEquals(30, total, "log end offsets add up to the records produced");

        String reset = tool(CONSUMER_GROUPS, null, "--reset-offsets", "--group", group, "--topic", topic,
                "--to-earliest", "--execute").assertSuccess().stdout();
        for (int p = 0; p < 3; p++) {
            assertTrue(reset.matches("(?s).*" + group + "\\s+" + topic + "\\s+" + p + "\\s+0\\b.*"), reset);
        }
        Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata().get(KafkaClients.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        assertEquals(Map.of(0L, 3), offsets.values().stream().collect(Collectors.groupingBy(OffsetAndMetadata::offset,
                Collectors.reducing(0, o -> 1, Integer::sum))), "all three partitions reset to 0: " + offsets);
        for (long[] row : describeGroup(group, topic).values()) {
            assertEquals(0, row[0], "CURRENT-OFFSET after the reset");
            assertEquals(row[1], row[2], "LAG = LOG-END-OFFSET after the reset");
        }
    }

    /** Rows of {@code kafka-consumer-groups --describe}: partition -> {current offset, log end offset, lag}. */
    private static Map<Integer, long[]> describeGroup(String group, String topic) throws Exception {
        ExternalProcess.Result result = tool(CONSUMER_GROUPS, null, "--describe", "--group", group).assertSuccess();
        Map<Integer, long[]> rows = new TreeMap<>();
        for (String line : result.stdout().lines().toList()) {
            String[] f = line.trim().split("\\s+");
            if (f.length >= 6 && f[0].equals(group) && f[1].equals(topic)) {
                rows.put(Integer.parseInt(f[2]), new long[] {number(f[3]), number(f[4]), number(f[5])});
            }
        }
        assertFalse(rows.isEmpty(), "no rows for " + topic + " in " + result);
        return rows;
    }

    private static long number(String column) {
        return column.equals("-") ? -1 : Long.parseLong(column);
    }

    private static String describedText(Map<Integer, long[]> rows) {
        StringBuilder text = new StringBuilder();
        rows.forEach((p, r) -> text.append(p).append('=').append(java.util.Arrays.toString(r)).append(' '));
        return text.toString();
    }
}
