package io.ternmq.kafka.group;

import io.ternmq.broker.core.BrokerCore;
import io.ternmq.broker.handler.admin.ConsumerProgressHandler;
import io.ternmq.broker.handler.admin.ListGroupsHandler;
import io.ternmq.broker.offset.CommittedPosition;
import io.ternmq.broker.offset.ConsumerOffsetStore;
import io.ternmq.broker.store.AppendRequest;
import io.ternmq.broker.store.MessageDraft;
import io.ternmq.broker.topic.TopicConfig;
import io.ternmq.protocol.command.Empty;
import io.ternmq.protocol.command.Progress;
import io.ternmq.test.EmbeddedBroker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Kafka group offsets in a real broker: kept in the broker's consumer offset store, so they survive a restart and
 * appear in consumer progress (mqadmin consumerProgress) and the group list with their lag, like native groups.
 */
class KafkaGroupOffsetsInBrokerTest {

    private static GroupCoordinator coordinatorOf(BrokerCore core) {
        return new GroupCoordinator(GroupConfig.defaults(), new ManualGroupTimer(0), BrokerCommittedOffsets.of(core));
    }

    @Test
    void committedKafkaOffsetsShowInConsumerProgressWithLagAndSurviveARestart() throws Exception {
        try (EmbeddedBroker broker = EmbeddedBroker.builder().start()) {
            BrokerCore core = broker.broker().core();
            core.topics().put(new TopicConfig("orders", 2, TopicConfig.PERM_READ_WRITE, false));
            for (int i = 0; i < 5; i++) {
                assertTrue(core.messages().append(AppendRequest.single("orders", 0,
                        MessageDraft.of(("m" + i).getBytes(), Map.of(), 1L))).get().ok());
            }
            // an append completes before the dispatcher indexes it; consumer progress counts indexed messages
            long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
            while (core.messages().store().maxOffset("orders", 0) < 5) {
                assertTrue(System.nanoTime() < deadline, "the 5 messages were not indexed within 10 s");
                Thread.sleep(10);
            }
            OffsetCommit.Result committed = coordinatorOf(core).offsets().commit(new OffsetCommit.Request(
                    "kafka-app", -1, "", null, Map.of(new TopicPartition("orders", 0),
                    new OffsetCommit.Offset(3, "m"), new TopicPartition("orders", 1), new OffsetCommit.Offset(0, ""))));
            assertEquals(GroupError.NONE, committed.error());
            assertTrue(committed.partitions().values().stream().allMatch(e -> e == GroupError.NONE));

            Progress.Response progress = (Progress.Response) new ConsumerProgressHandler(core)
                    .handle(null, new Progress.Request("kafka-app")).join().body();
            assertEquals(List.of(new Progress.QueueProgress("kafka-app", "orders", 0, 5, 3,
                            core.messages().store().storeTimestampAt("orders", 0, 2)),
                    new Progress.QueueProgress("kafka-app", "orders", 1, 0, 0, 0)), progress.queues());
            Progress.Groups groups = (Progress.Groups) new ListGroupsHandler(core).handle(null, Empty.INSTANCE)
                    .join().body();
            assertTrue(groups.groups().stream().anyMatch(g -> g.group().equals("kafka-app")
                    && g.topics().equals(List.of("orders"))), groups.toString());

            broker.restart();
            OffsetFetch.Result fetched = coordinatorOf(broker.broker().core()).offsets().fetch("kafka-app", null);
            assertEquals(List.of(new OffsetFetch.PartitionOffset(new TopicPartition("orders", 0), 3, "m",
                            GroupError.NONE),
                    new OffsetFetch.PartitionOffset(new TopicPartition("orders", 1), 0, "", GroupError.NONE)),
                    fetched.partitions(), "offsets and their metadata strings survive");
        }
    }

    @Test
    void offsetDeleteAndGroupDeletePersistInTheOffsetStore(@TempDir Path dir) {
        ConsumerOffsetStore store = new ConsumerOffsetStore(dir);
        store.commit("a", "orders", 0, 5);
        store.commit("a", "orders", 1, 6);
        store.commit("b", "orders", 0, 7);
        store.persistIfDirty();
        assertTrue(store.delete("a", "orders", 1));
        store.persistIfDirty();
        assertTrue(store.deleteGroup("b")); // persists at once
        ConsumerOffsetStore reopened = new ConsumerOffsetStore(dir);
        assertEquals(java.util.Set.of("a"), reopened.groups());
        assertEquals(java.util.OptionalLong.of(5), reopened.query("a", "orders", 0));
        assertTrue(reopened.query("a", "orders", 1).isEmpty());
    }

    @Test
    void commitMetadataWithTabsAndLineBreaksSurvivesAReopenAndOldFilesWithoutItLoad(@TempDir Path dir)
            throws Exception {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("consumerOffsets.tsv"),
                "# ternmq consumer offsets v1: group topic queueId offset\nold\torders\t0\t4\n");
        ConsumerOffsetStore store = new ConsumerOffsetStore(dir);
        assertEquals(Optional.of(new CommittedPosition(4, "")), store.position("old", "orders", 0),
                "a file written before metadata existed");
        String tricky = "a\tb\nc\\d\r#e\\t";
        store.commit("kafka", "orders", 1, 9, tricky);
        store.commit("native", "orders", 1, 2);
        store.persistIfDirty();
        ConsumerOffsetStore reopened = new ConsumerOffsetStore(dir);
        assertEquals(Optional.of(new CommittedPosition(9, tricky)), reopened.position("kafka", "orders", 1));
        assertEquals(Optional.of(new CommittedPosition(2, "")), reopened.position("native", "orders", 1));
        assertEquals(Optional.of(new CommittedPosition(4, "")), reopened.position("old", "orders", 0));
        assertTrue(Files.readAllLines(dir.resolve("consumerOffsets.tsv")).contains("native\torders\t1\t2"),
                "commits without metadata keep the four-field lines older brokers read");
    }
}
