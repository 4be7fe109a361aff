package io.ternmq.broker.metadata;

import io.ternmq.broker.group.SubscriptionGroupConfig;
import io.ternmq.broker.group.SubscriptionGroupRegistry;
import io.ternmq.broker.offset.ConsumerOffsetStore;
import io.ternmq.broker.topic.TopicCheck;
import io.ternmq.broker.topic.TopicConfig;
import io.ternmq.broker.topic.TopicRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MetadataPersistenceTest {
    @TempDir
    Path dir;

    @Test
    void topicsSurviveReloadAndAutoCreateUsesTheDefaultQueueCount() {
        TopicRegistry topics = new TopicRegistry(dir, true, 3);
        topics.put(new TopicConfig("a", 2, TopicConfig.PERM_READ, true));
        assertEquals(TopicCheck.OK, topics.checkWrite("auto", 2));
        assertEquals(TopicCheck.NO_PERMISSION, topics.checkWrite("a", 0));
        assertEquals(TopicCheck.QUEUE_NOT_EXIST, topics.checkRead("a", 2));
        assertEquals(TopicCheck.ILLEGAL_NAME, topics.checkWrite("bad name", 0));

        TopicRegistry reloaded = new TopicRegistry(dir, false, 8);
        assertEquals(new TopicConfig("a", 2, TopicConfig.PERM_READ, true), reloaded.get("a").orElseThrow());
        assertEquals(3, reloaded.get("auto").orElseThrow().queueNums());
        assertEquals(TopicCheck.NOT_EXIST, reloaded.checkWrite("other", 0));
    }

    @Test
    void offsetsArePersistedWhenDirtyAndTopicDeletionDropsThem() {
        ConsumerOffsetStore offsets = new ConsumerOffsetStore(dir);
        offsets.commit("g", "t", 0, 10);
        offsets.commit("g", "u", 1, 20);
        assertTrue(new ConsumerOffsetStore(dir).query("g", "t", 0).isEmpty(), "not written before persist");
        offsets.persistIfDirty();
        assertEquals(10, new ConsumerOffsetStore(dir).query("g", "t", 0).orElseThrow());
        offsets.deleteTopic("t");
        ConsumerOffsetStore reloaded = new ConsumerOffsetStore(dir);
        assertTrue(reloaded.query("g", "t", 0).isEmpty());
        assertEquals(20, reloaded.query("g", "u", 1).orElseThrow());
    }

    @Test
    void subscriptionGroupsAreCreatedOnlyWhenAllowed() {
        SubscriptionGroupRegistry open = new SubscriptionGroupRegistry(dir, true);
        assertEquals(SubscriptionGroupConfig.withDefaults("g"), open.getOrCreate("g").orElseThrow());
        SubscriptionGroupRegistry closed = new SubscriptionGroupRegistry(dir, false);
        assertTrue(closed.getOrCreate("g").isPresent(), "persisted");
        assertTrue(closed.getOrCreate("h").isEmpty());
    }

    @Test
    void malformedFileNamesTheLine() throws Exception {
        Files.writeString(dir.resolve("topics.tsv"), "# header\na\t1\t6\tfalse\nbroken line\n");
        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> new TopicRegistry(dir, true, 1));
        assertTrue(e.getMessage().contains("topics.tsv:3"), e.getMessage());
    }

    @Test
    void namesAreValidated() {
        assertTrue(ResourceName.TOPIC.problem("ok_Topic-1.x").isEmpty());
        assertTrue(ResourceName.TOPIC.problem("%RETRY%group").isEmpty());
        assertTrue(ResourceName.TOPIC.problem("").isPresent());
        assertTrue(ResourceName.TOPIC.problem("tab\there").isPresent());
        assertTrue(ResourceName.TOPIC.problem("x".repeat(128)).isPresent());
        assertTrue(ResourceName.GROUP.problem("x".repeat(255)).isEmpty());
    }

    @Test
    void namesAllowExactlyRocketMqsCharactersPlusDot() {
        assertTrue(ResourceName.TOPIC.problem("azAZ09%|_.-").isEmpty());
        for (String bad : new String[] {"a/b", "a b", "a:b", "caf\u00e9", "a@b", "a+b", "a\u0000b", "a{b"}) {
            assertTrue(ResourceName.TOPIC.problem(bad).isPresent(), bad);
        }
    }
}
