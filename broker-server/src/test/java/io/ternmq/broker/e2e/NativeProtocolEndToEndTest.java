package io.ternmq.broker.e2e;

import io.ternmq.broker.Broker;
import io.ternmq.broker.testing.RawClient;
import io.ternmq.broker.testing.TestBrokers;
import io.ternmq.protocol.ErrorCode;
import io.ternmq.protocol.ProtocolVersion;
import io.ternmq.protocol.command.Commands;
import io.ternmq.protocol.command.ConsumerOffsets;
import io.ternmq.protocol.command.Empty;
import io.ternmq.protocol.command.Hello;
import io.ternmq.protocol.command.Progress;
import io.ternmq.protocol.command.Pull;
import io.ternmq.protocol.command.QueryMessages;
import io.ternmq.protocol.command.Send;
import io.ternmq.protocol.command.Topics;
import io.ternmq.protocol.message.ExpressionType;
import io.ternmq.protocol.message.MessageProperties;
import io.ternmq.protocol.message.MessageView;
import io.ternmq.protocol.message.OutgoingMessage;
import io.ternmq.protocol.message.Subscription;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NativeProtocolEndToEndTest {
    @TempDir
    Path dir;
    Broker broker;

    @BeforeEach
    void start() {
        broker = TestBrokers.start(dir);
    }

    @AfterEach
    void stop() {
        if (broker != null) {
            broker.close();
        }
    }

    static OutgoingMessage message(String body, String tag, String keys) {
        Map<String, String> props = new java.util.HashMap<>();
        if (tag != null) {
            props.put(MessageProperties.TAGS, tag);
        }
        if (keys != null) {
            props.put(MessageProperties.KEYS, keys);
        }
        return new OutgoingMessage(props, body.getBytes(StandardCharsets.UTF_8), System.currentTimeMillis(), 0, 0);
    }

    static Pull.Request pull(String topic, int queue, long offset, long waitMs, String tags) {
        return new Pull.Request("g1", topic, queue, offset, 32, 1 << 20, waitMs,
                new Subscription(topic, ExpressionType.TAG, tags), -1);
    }

    static String body(MessageView m) {
        return new String(m.body(), StandardCharsets.UTF_8);
    }

    @Test
    void helloCreateSendPullAndOffsetsSurviveRestart() throws Exception {
        int port = broker.nativePort();
        try (RawClient c = new RawClient(port)) {
            Hello.Response hello = c.call(Commands.HELLO, new Hello.Request(1, 5, "c1", "test")).ok();
            assertEquals(ProtocolVersion.CURRENT, hello.version());

            c.call(Commands.CREATE_TOPIC, new Topics.Config("orders", 4, Topics.PERM_READ_WRITE, false)).ok();
            assertEquals(List.of("orders"), c.call(Commands.LIST_TOPICS, Empty.INSTANCE).ok().topics());

            Send.Response sent = c.call(Commands.SEND, new Send.Request("p1", "orders", 2,
                    List.of(message("a", "TagA", "k1"), message("b", "TagB", null)))).ok();
            assertEquals(0, sent.baseQueueOffset());
            assertEquals(2, sent.messageIds().size());
            c.call(Commands.SEND, new Send.Request("p1", "orders", 2, List.of(message("c", "TagA", null)))).ok();

            awaitMaxOffset(c, "orders", 2, 3);
            Pull.Response all = c.call(Commands.PULL, pull("orders", 2, 0, 0, "*")).ok();
            assertEquals(Pull.Status.FOUND, all.status());
            assertEquals(List.of("a", "b", "c"), all.messages().stream().map(NativeProtocolEndToEndTest::body).toList());
            assertEquals(3, all.nextOffset());

            Pull.Response tagged = c.call(Commands.PULL, pull("orders", 2, 0, 0, "TagA")).ok();
            assertEquals(List.of("a", "c"), tagged.messages().stream().map(NativeProtocolEndToEndTest::body).toList());

            Topics.Route route = c.call(Commands.TOPIC_ROUTE, new Topics.Name("orders")).ok();
            assertEquals(4, route.queues().size());
            assertEquals(3, route.queues().get(2).maxOffset());
            assertTrue(route.queues().get(2).lastStoreTimestamp() > 0);
            assertEquals("127.0.0.1:" + port, route.brokerAddress());

            assertEquals(ErrorCode.QUERY_NOT_FOUND, c.call(Commands.QUERY_CONSUMER_OFFSET,
                    new ConsumerOffsets.QueryRequest("g1", "orders", 2)).status());
            c.call(Commands.COMMIT_CONSUMER_OFFSET, new ConsumerOffsets.CommitRequest("g1",
                    List.of(new ConsumerOffsets.QueueOffset("orders", 2, 2)))).ok();
            assertEquals(2, c.call(Commands.QUERY_CONSUMER_OFFSET,
                    new ConsumerOffsets.QueryRequest("g1", "orders", 2)).ok().offset());

            Progress.Response progress = c.call(Commands.CONSUMER_PROGRESS, new Progress.Request("g1")).ok();
            Progress.QueueProgress q2 = progress.queues().stream().filter(q -> q.queueId() == 2).findFirst()
                    .orElseThrow();
            assertEquals(1, q2.lag());

            List<MessageView> byKey = c.call(Commands.QUERY_MESSAGE_BY_KEY,
                    new QueryMessages.ByKey("orders", "k1", 0, Long.MAX_VALUE, 10)).ok().messages();
            assertEquals(List.of("a"), byKey.stream().map(NativeProtocolEndToEndTest::body).toList());
            MessageView byId = c.call(Commands.QUERY_MESSAGE_BY_ID,
                    new QueryMessages.ById(sent.messageIds().get(1))).ok().messages().get(0);
            assertEquals("b", body(byId));
        }
        broker.close();
        broker = TestBrokers.start(dir, port);
        try (RawClient c = new RawClient(broker.nativePort())) {
            assertEquals(2, c.call(Commands.QUERY_CONSUMER_OFFSET,
                    new ConsumerOffsets.QueryRequest("g1", "orders", 2)).ok().offset());
            Pull.Response again = c.call(Commands.PULL, pull("orders", 2, 2, 0, "*")).ok();
            assertEquals(List.of("c"), again.messages().stream().map(NativeProtocolEndToEndTest::body).toList());
            Map<String, String> status = c.call(Commands.BROKER_STATUS, Empty.INSTANCE).ok().stats();
            assertEquals("1", status.get("connections"));
        }
    }

    /** The store indexes asynchronously: wait until a queue's max offset (from TOPIC_ROUTE) reaches a value. */
    static void awaitMaxOffset(RawClient c, String topic, int queue, long expected) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (c.call(Commands.TOPIC_ROUTE, new Topics.Name(topic)).ok().queues().get(queue).maxOffset() < expected) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(topic + "#" + queue + " never reached max offset " + expected);
            }
            Thread.sleep(5);
        }
    }

    @Test
    void heldPullWakesUpWhenAMessageArrives() throws Exception {
        try (RawClient consumer = new RawClient(broker.nativePort());
             RawClient producer = new RawClient(broker.nativePort())) {
            producer.call(Commands.CREATE_TOPIC, new Topics.Config("lp", 1, Topics.PERM_READ_WRITE, false)).ok();
            long start = System.nanoTime();
            CompletableFuture<Pull.Response> held = CompletableFuture.supplyAsync(() -> {
                try {
                    return consumer.call(Commands.PULL, pull("lp", 0, 0, 20_000, "*")).ok();
                } catch (Exception e) {
                    throw new RuntimeException(e);
                }
            });
            awaitHeldPulls(producer, 1);
            assertFalse(held.isDone());
            producer.call(Commands.SEND, new Send.Request("p", "lp", 0, List.of(message("wake", null, null)))).ok();
            Pull.Response r = held.get(10, TimeUnit.SECONDS);
            assertEquals(Pull.Status.FOUND, r.status());
            assertEquals("wake", body(r.messages().get(0)));
            assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(10), "woken well before max wait");
        }
    }

    @Test
    void heldPullAnswersNoNewMessageAfterMaxWait() throws Exception {
        try (RawClient c = new RawClient(broker.nativePort())) {
            c.call(Commands.CREATE_TOPIC, new Topics.Config("quiet", 1, Topics.PERM_READ_WRITE, false)).ok();
            long start = System.nanoTime();
            Pull.Response r = c.call(Commands.PULL, pull("quiet", 0, 0, 300, "*")).ok();
            long tookMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertEquals(Pull.Status.NO_NEW_MESSAGE, r.status());
            assertTrue(tookMs >= 250, "held for about maxWaitMs, took " + tookMs);
        }
    }

    static void awaitHeldPulls(RawClient c, int expected) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (true) {
            String held = c.call(Commands.BROKER_STATUS, Empty.INSTANCE).ok().stats().get("heldPulls");
            if (Integer.parseInt(held) >= expected) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("pull was not held; heldPulls=" + held);
            }
            Thread.sleep(10);
        }
    }

    @Test
    void sendToUnknownTopicAutoCreatesWithDefaultQueues() throws Exception {
        try (RawClient c = new RawClient(broker.nativePort())) {
            c.call(Commands.SEND, new Send.Request("p", "auto", 3, List.of(message("x", null, null)))).ok();
            assertEquals(8, c.call(Commands.TOPIC_ROUTE, new Topics.Name("auto")).ok().config().queueNums());
            assertEquals(ErrorCode.QUEUE_NOT_EXIST, c.call(Commands.SEND,
                    new Send.Request("p", "auto", 8, List.of(message("x", null, null)))).status());
        }
    }

    @Test
    void deleteTopicDropsItsOffsets() throws Exception {
        try (RawClient c = new RawClient(broker.nativePort())) {
            c.call(Commands.CREATE_TOPIC, new Topics.Config("gone", 1, Topics.PERM_READ_WRITE, false)).ok();
            c.call(Commands.COMMIT_CONSUMER_OFFSET, new ConsumerOffsets.CommitRequest("g",
                    List.of(new ConsumerOffsets.QueueOffset("gone", 0, 0)))).ok();
            c.call(Commands.DELETE_TOPIC, new Topics.Name("gone")).ok();
            assertEquals(ErrorCode.QUERY_NOT_FOUND, c.call(Commands.QUERY_CONSUMER_OFFSET,
                    new ConsumerOffsets.QueryRequest("g", "gone", 0)).status());
            assertEquals(ErrorCode.TOPIC_NOT_EXIST, c.call(Commands.DELETE_TOPIC, new Topics.Name("gone")).status());
        }
    }

    @Test
    void sql92SubscriptionIsRefusedForNow() throws Exception {
        try (RawClient c = new RawClient(broker.nativePort())) {
            c.call(Commands.CREATE_TOPIC, new Topics.Config("t", 1, Topics.PERM_READ_WRITE, false)).ok();
            var r = c.call(Commands.PULL, new Pull.Request("g", "t", 0, 0, 1, 1024, 0,
                    new Subscription("t", ExpressionType.SQL92, "a > 1"), -1));
            assertEquals(ErrorCode.SUBSCRIPTION_ILLEGAL, r.status());
            assertTrue(r.error().contains("SQL92 not supported yet"));
        }
    }

}
