package io.ternmq.kafka.server.handler;

import io.ternmq.broker.core.BrokerCore;
import io.ternmq.broker.store.AppendRequest;
import io.ternmq.broker.store.MessageDraft;
import io.ternmq.client.admin.AdminClient;
import io.ternmq.client.admin.ConsumerProgress;
import io.ternmq.test.EmbeddedBroker;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Unmodified KafkaConsumers (kafka-clients 4.4.0, classic group protocol, subscribe()) in groups coordinated by the
 * broker, over real sockets: assignment, rebalances when members come and go, committed offsets in the broker's
 * offset store (resumed by new members, shown by mqadmin's consumer progress, kept across a restart).
 */
class KafkaConsumerGroupEndToEndTest {
    private static final Duration REBALANCE = Duration.ofSeconds(30);
    private static final String[] GROUP_SETTINGS = {"kafkaGroupInitialRebalanceDelayMs=0",
            "kafkaGroupMinSessionTimeoutMs=1000"};

    private static EmbeddedBroker broker;
    private static Admin admin;
    private final List<ConsumerLoop> loops = new ArrayList<>();

    @BeforeAll
    static void start() {
        broker = EmbeddedBroker.builder().config(GROUP_SETTINGS).start();
        admin = admin(broker);
    }

    @AfterAll
    static void stop() {
        if (admin != null) {
            admin.close();
        }
        if (broker != null) {
            broker.close();
        }
    }

    @AfterEach
    void closeConsumers() throws InterruptedException {
        for (ConsumerLoop loop : loops) {
            loop.close();
        }
    }

    static Admin admin(EmbeddedBroker broker) {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.kafkaAddress(),
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 20_000,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 15_000));
    }

    static List<TopicPartition> partitions(String topic, int count) {
        return IntStream.range(0, count).mapToObj(p -> new TopicPartition(topic, p)).toList();
    }

    /** Appends through the broker's own API and waits until the messages are indexed (readable, counted). */
    static void appendNatively(BrokerCore core, String topic, int queueId, int count) throws Exception {
        long before = core.messages().store().maxOffset(topic, queueId);
        for (int i = 0; i < count; i++) {
            assertTrue(core.messages().append(AppendRequest.single(topic, queueId,
                    MessageDraft.of((topic + "-" + queueId + "-" + i).getBytes(), Map.of(), 1L))).get().ok());
        }
        Await.until(Duration.ofSeconds(10), () -> "max offset " + core.messages().store().maxOffset(topic, queueId),
                () -> core.messages().store().maxOffset(topic, queueId) >= before + count);
    }

    /**
     * Starts paused members on offsets committed at 0 up front: the members join, sync, heartbeat and commit, but
     * need neither ListOffsets (no reset: every partition has a committed offset) nor Fetch (paused).
     */
    private ConsumerLoop pausedMember(EmbeddedBroker on, String group, String topic, String clientId) {
        ConsumerLoop loop = ConsumerLoop.start(ConsumerLoop.config(on.kafkaAddress(), group, clientId), topic, true);
        loops.add(loop);
        return loop;
    }

    private static void commitZero(Admin admin, String group, List<TopicPartition> partitions) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> zero = new HashMap<>();
        partitions.forEach(p -> zero.put(p, new OffsetAndMetadata(0)));
        admin.alterConsumerGroupOffsets(group, zero).all().get();
    }

    private static ConsumerGroupDescription describe(String group) {
        try {
            return admin.describeConsumerGroups(List.of(group)).describedGroups().get(group).get();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** True when the members hold disjoint sets that together are every partition, and the group says the same. */
    private static boolean settled(String group, List<ConsumerLoop> members, List<TopicPartition> all) {
        members.forEach(ConsumerLoop::assertAlive);
        List<Set<TopicPartition>> held = members.stream().map(ConsumerLoop::assigned).toList();
        Set<TopicPartition> union = new HashSet<>();
        int total = 0;
        for (Set<TopicPartition> h : held) {
            union.addAll(h);
            total += h.size();
        }
        if (total != all.size() || !union.equals(Set.copyOf(all))) {
            return false;
        }
        ConsumerGroupDescription d = describe(group);
        Set<Set<TopicPartition>> described = d.members().stream()
                .map(m -> Set.copyOf(m.assignment().topicPartitions())).collect(Collectors.toSet());
        return d.groupState() == GroupState.STABLE && d.members().size() == members.size()
                && described.equals(Set.copyOf(held));
    }

    private static String state(String group, List<ConsumerLoop> members) {
        return members.stream().map(m -> m.assigned() + (m.failure() == null ? "" : " failed " + m.failure()))
                .toList() + " group " + describe(group);
    }

    @Test
    void everyPartitionIsAssignedExactlyOnceAndTheSurvivorsTakeOverWhenAMemberLeaves() throws Exception {
        String topic = "split";
        String group = "split-group";
        List<TopicPartition> all = partitions(topic, 6);
        admin.createTopics(List.of(new NewTopic(topic, 6, (short) 1))).all().get();
        commitZero(admin, group, all);

        List<ConsumerLoop> members = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            members.add(pausedMember(broker, group, topic, "split-" + i));
        }
        Await.until(REBALANCE, () -> state(group, members), () -> settled(group, members, all));
        members.forEach(m -> assertEquals(2, m.assigned().size(), "range assigns 6 partitions 2 by 2"));
        ConsumerGroupDescription three = describe(group);
        assertEquals("range", three.partitionAssignor());
        assertEquals(0, three.coordinator().id());
        for (MemberDescription m : three.members()) {
            assertTrue(m.clientId().startsWith("split-"), m.toString());
            assertEquals("/127.0.0.1", m.host());
        }

        ConsumerLoop leaver = members.remove(0);
        leaver.close();
        Await.until(REBALANCE, () -> state(group, members), () -> settled(group, members, all));
        members.forEach(m -> assertEquals(3, m.assigned().size()));
        for (ConsumerLoop m : members) {
            assertNull(m.failure());
        }
    }

    @Test
    void aNewMemberResumesFromOffsetsCommittedWithCommitSync() throws Exception {
        String topic = "resume";
        String group = "resume-group";
        List<TopicPartition> all = partitions(topic, 3);
        admin.createTopics(List.of(new NewTopic(topic, 3, (short) 1))).all().get();
        for (int p = 0; p < 3; p++) {
            appendNatively(broker.broker().core(), topic, p, 10);
        }
        commitZero(admin, group, all);

        ConsumerLoop first = pausedMember(broker, group, topic, "resume-first");
        Await.until(REBALANCE, () -> state(group, List.of(first)), () -> first.assigned().size() == 3);
        Map<TopicPartition, OffsetAndMetadata> progress = Map.of(all.get(0), new OffsetAndMetadata(4),
                all.get(1), new OffsetAndMetadata(7, "seven"), all.get(2), new OffsetAndMetadata(10));
        first.call(c -> {
            c.commitSync(progress);
            return null;
        });
        first.close();

        ConsumerLoop second = pausedMember(broker, group, topic, "resume-second");
        Await.until(REBALANCE, () -> state(group, List.of(second)), () -> second.assigned().size() == 3);
        Map<TopicPartition, Long> positions = second.call(c -> all.stream()
                .collect(Collectors.toMap(p -> p, c::position)));
        assertEquals(Map.of(all.get(0), 4L, all.get(1), 7L, all.get(2), 10L), positions);
        Map<TopicPartition, OffsetAndMetadata> committed = second.call(c -> c.committed(Set.copyOf(all)));
        assertEquals("seven", committed.get(all.get(1)).metadata());
        assertEquals(progress.keySet(), committed.keySet());
        assertEquals(7L, broker.broker().core().offsets().query(group, topic, 1).getAsLong(),
                "the commit is in the broker's consumer offset store");
    }

    @Test
    void committedOffsetsShowInConsumerProgressWithLagAndSurviveARestart() throws Exception {
        String topic = "durable";
        String group = "durable-group";
        List<TopicPartition> all = partitions(topic, 2);
        try (EmbeddedBroker own = EmbeddedBroker.builder().config(GROUP_SETTINGS).start()) {
            try (Admin ownAdmin = admin(own)) {
                ownAdmin.createTopics(List.of(new NewTopic(topic, 2, (short) 1))).all().get();
                appendNatively(own.broker().core(), topic, 0, 5);
                appendNatively(own.broker().core(), topic, 1, 3);
                commitZero(ownAdmin, group, all);
            }
            ConsumerLoop member = pausedMember(own, group, topic, "durable-1");
            Await.until(REBALANCE, () -> String.valueOf(member.assigned()), () -> member.assigned().size() == 2);
            member.call(c -> {
                c.commitSync(Map.of(all.get(0), new OffsetAndMetadata(3), all.get(1), new OffsetAndMetadata(1)));
                return null;
            });
            member.close();

            try (AdminClient mqadmin = AdminClient.create(own.address())) {
                List<ConsumerProgress> progress = mqadmin.consumerProgress(group).stream()
                        .sorted(Comparator.comparingInt(ConsumerProgress::queueId)).toList();
                assertEquals(2, progress.size(), progress.toString());
                assertEquals(List.of(5L, 3L), progress.stream().map(ConsumerProgress::brokerOffset).toList());
                assertEquals(List.of(3L, 1L), progress.stream().map(ConsumerProgress::consumerOffset).toList());
                assertEquals(List.of(2L, 2L), progress.stream().map(ConsumerProgress::lag).toList());
            }

            own.restart();
            try (Admin ownAdmin = admin(own)) {
                Map<TopicPartition, OffsetAndMetadata> listed = ownAdmin.listConsumerGroupOffsets(group)
                        .partitionsToOffsetAndMetadata().get();
                assertEquals(Map.of(all.get(0), 3L, all.get(1), 1L), listed.entrySet().stream()
                        .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset())));
            }
            ConsumerLoop afterRestart = pausedMember(own, group, topic, "durable-2");
            Await.until(REBALANCE, () -> String.valueOf(afterRestart.assigned()),
                    () -> afterRestart.assigned().size() == 2);
            assertEquals(Map.of(all.get(0), 3L, all.get(1), 1L), afterRestart.call(c -> all.stream()
                    .collect(Collectors.toMap(p -> p, c::position))));
            afterRestart.close();
        }
    }

    private static void produce(String topic, int partitions, int from, int to) throws Exception {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.kafkaAddress()), new StringSerializer(),
                new StringSerializer())) {
            List<java.util.concurrent.Future<?>> sent = new ArrayList<>();
            for (int i = from; i < to; i++) {
                sent.add(producer.send(new ProducerRecord<>(topic, i % partitions, "k" + i, "v" + i)));
            }
            producer.flush();
            for (java.util.concurrent.Future<?> f : sent) {
                f.get();
            }
        }
    }

    private static List<ConsumerRecord<String, String>> receivedByAll(List<ConsumerLoop> loops) {
        return loops.stream().flatMap(l -> l.received().stream()).toList();
    }

    private static String receivedState(List<ConsumerLoop> loops) {
        return loops.stream().map(l -> l.received().size() + " records, assigned " + l.assigned()
                + (l.failure() == null ? "" : " failed " + l.failure())).toList().toString();
    }

    @Test
    void threeMembersConsumeEveryRecordExactlyOnceAcrossACleanRebalance() throws Exception {
        String topic = "work";
        String group = "work-group";
        List<TopicPartition> all = partitions(topic, 6);
        admin.createTopics(List.of(new NewTopic(topic, 6, (short) 1))).all().get();
        produce(topic, 6, 0, 300);

        List<ConsumerLoop> everyone = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ConsumerLoop loop = ConsumerLoop.start(ConsumerLoop.config(broker.kafkaAddress(), group, "work-" + i),
                    topic, false);
            loops.add(loop);
            everyone.add(loop);
        }
        Await.until(REBALANCE, () -> receivedState(everyone), () -> {
            everyone.forEach(ConsumerLoop::assertAlive);
            return receivedByAll(everyone).size() >= 300 && settled(group, everyone, all);
        });

        // a clean hand-over: the leaver commits what it consumed, the survivors take its partitions from there
        List<ConsumerLoop> survivors = new ArrayList<>(everyone.subList(1, 3));
        everyone.get(0).close();
        Await.until(REBALANCE, () -> state(group, survivors), () -> settled(group, survivors, all));
        produce(topic, 6, 300, 600);
        Await.until(REBALANCE, () -> receivedState(everyone), () -> {
            survivors.forEach(ConsumerLoop::assertAlive);
            return receivedByAll(everyone).size() >= 600;
        });

        List<ConsumerRecord<String, String>> received = receivedByAll(everyone);
        Set<String> positions = received.stream().map(r -> r.partition() + "@" + r.offset())
                .collect(Collectors.toSet());
        assertEquals(600, received.size(), "no record twice");
        assertEquals(600, positions.size());
        assertEquals(IntStream.range(0, 600).mapToObj(i -> "v" + i).collect(Collectors.toSet()),
                received.stream().map(ConsumerRecord::value).collect(Collectors.toSet()), "every record");
        for (ConsumerLoop survivor : survivors) {
            Set<Integer> own = survivor.assigned().stream().map(TopicPartition::partition)
                    .collect(Collectors.toSet());
            assertTrue(survivor.received().stream().filter(r -> Integer.parseInt(r.value().substring(1)) >= 300)
                    .allMatch(r -> own.contains(r.partition())), "new records come from the member's own partitions");
        }
    }
}
