package io.ternmq.broker.retry;

import io.ternmq.broker.Broker;
import io.ternmq.broker.group.SubscriptionGroupConfig;
import io.ternmq.broker.testing.Conditions;
import io.ternmq.broker.testing.MutableClock;
import io.ternmq.broker.testing.RawClient;
import io.ternmq.broker.testing.TestBrokers;
import io.ternmq.protocol.ErrorCode;
import io.ternmq.protocol.command.Commands;
import io.ternmq.protocol.command.DeadLetters;
import io.ternmq.protocol.command.Heartbeat;
import io.ternmq.protocol.command.QueryMessages;
import io.ternmq.protocol.command.SendBack;
import io.ternmq.protocol.command.SubscriptionGroups;
import io.ternmq.protocol.message.MessageModel;
import io.ternmq.protocol.message.MessageProperties;
import io.ternmq.protocol.message.MessageView;
import io.ternmq.protocol.message.Subscription;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static io.ternmq.broker.testing.QueueReads.all;
import static io.ternmq.broker.testing.QueueReads.message;
import static io.ternmq.broker.testing.QueueReads.send;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** SEND_BACK, the retry schedule, dead-lettering and DLQ re-send through a real broker on a moved clock. */
class RetryAndDlqTest {
    private static final String TOPIC = "orders";
    private static final String GROUP = "cg";
    private static final String RETRY = "%RETRY%cg";
    private static final String DLQ = "%DLQ%cg";

    @TempDir
    Path dir;
    Broker broker;
    MutableClock clock;
    RawClient client;

    @BeforeEach
    void start() throws Exception {
        clock = MutableClock.atNow();
        // short levels: level n waits n seconds
        broker = TestBrokers.start(dir, 0, clock, "messageDelayLevel=1s 2s 3s 4s 5s 6s 7s 8s");
        client = new RawClient(broker.nativePort());
    }

    @AfterEach
    void stop() throws Exception {
        client.close();
        broker.close();
    }

    private MessageView sendOriginal() throws Exception {
        send(client, TOPIC, 0, message("pay", MessageProperties.KEYS, "order-7", MessageProperties.TAGS, "TagA",
                MessageProperties.UNIQ_KEY, "uniq-7")).ok();
        settle();
        List<MessageView> all = all(client, TOPIC, 0);
        return all.get(all.size() - 1);
    }

    private SendBack.Response sendBack(MessageView m, int delayLevel, int max) throws Exception {
        return client.call(Commands.SEND_BACK, new SendBack.Request(GROUP, m.messageId(), delayLevel, max)).ok();
    }

    /** Moves the clock in 100 ms steps until a retry appears; returns how long that took. */
    private Duration awaitRetry(int count) throws Exception {
        long start = clock.millis();
        for (int i = 0; i < 200; i++) {
            clock.advance(Duration.ofMillis(100));
            tick();
            if (all(client, RETRY, 0).size() >= count) {
                return Duration.ofMillis(clock.millis() - start);
            }
        }
        throw new AssertionError("no retry within 20 s of broker time");
    }

    private void tick() {
        broker.schedule().tick();
        settle();
    }

    /** Waits until every append so far is readable (the store dispatches asynchronously). */
    private void settle() {
        var store = broker.core().messages().store();
        Conditions.await("dispatch", Duration.ofSeconds(5),
                () -> store.status().dispatchedOffset() >= store.status().commitLogMaxOffset());
    }

    @Test
    void retriesFollowLevelThreePlusReconsumeTimesAndCarryTheOrigin() throws Exception {
        MessageView original = sendOriginal();
        MessageView current = original;
        for (int attempt = 0; attempt < 3; attempt++) {
            SendBack.Response r = sendBack(current, 0, -1);
            assertEquals(SendBack.Outcome.RETRY, r.outcome());
            assertEquals(RETRY, r.topic());
            assertEquals(attempt + 1, r.reconsumeTimes());
            Duration waited = awaitRetry(attempt + 1);
            assertEquals(Duration.ofSeconds(3 + attempt), waited, "attempt " + attempt + " waits level 3+n");
            current = all(client, RETRY, 0).get(attempt);
            assertEquals(attempt + 1, current.reconsumeTimes());
            assertEquals(TOPIC, current.properties().get(MessageProperties.RETRY_TOPIC));
            assertEquals(original.messageId(), current.properties().get(MessageProperties.ORIGIN_MESSAGE_ID));
            assertEquals("order-7", current.keys());
            assertEquals("TagA", current.tags());
            assertEquals("uniq-7", current.uniqueId());
            assertNull(current.properties().get(MessageProperties.DELAY));
        }
    }

    @Test
    void explicitDelayLevelIsUsedAndCappedAtTheLastLevel() throws Exception {
        MessageView original = sendOriginal();
        sendBack(original, 2, -1);
        assertEquals(Duration.ofSeconds(2), awaitRetry(1));
        sendBack(all(client, RETRY, 0).get(0), 50, -1);
        assertEquals(Duration.ofSeconds(8), awaitRetry(2));
    }

    @Test
    void messageGoesToTheDlqAfterTheGroupsRetryMaxTimes() throws Exception {
        client.call(Commands.UPDATE_SUBSCRIPTION_GROUP, new SubscriptionGroups.Config(GROUP, true, 2)).ok();
        assertEquals(ErrorCode.INVALID_ARGUMENT, client.call(Commands.UPDATE_SUBSCRIPTION_GROUP,
                new SubscriptionGroups.Config(GROUP, true, -1)).status());
        MessageView original = sendOriginal();
        MessageView current = original;
        for (int attempt = 0; attempt < 2; attempt++) {
            assertEquals(SendBack.Outcome.RETRY, sendBack(current, 1, -1).outcome());
            awaitRetry(attempt + 1);
            current = all(client, RETRY, 0).get(attempt);
        }
        SendBack.Response last = sendBack(current, 1, -1);
        assertEquals(SendBack.Outcome.DLQ, last.outcome());
        assertEquals(DLQ, last.topic());
        settle();
        List<MessageView> dead = all(client, DLQ, 0);
        assertEquals(1, dead.size());
        MessageView d = dead.get(0);
        assertEquals(3, d.reconsumeTimes());
        assertEquals(TOPIC, d.properties().get(MessageProperties.DLQ_ORIGIN_TOPIC));
        assertEquals(original.messageId(), d.properties().get(MessageProperties.DLQ_ORIGIN_MESSAGE_ID));
        assertNull(d.properties().get(MessageProperties.RETRY_TOPIC));
        assertEquals("uniq-7", d.uniqueId());
        assertEquals(last.messageId(), d.messageId());
    }

    @Test
    void defaultRetryMaxTimesIsSixteenAndTheRequestCanOverrideIt() throws Exception {
        MessageView original = sendOriginal();
        assertEquals(SendBack.Outcome.DLQ, sendBack(original, 0, 0).outcome());
        MessageView again = sendOriginal();
        assertEquals(SendBack.Outcome.RETRY, sendBack(again, 0, -1).outcome());
        assertEquals(SubscriptionGroupConfig.DEFAULT_RETRY_MAX_TIMES, 16);
        assertEquals(SendBack.Outcome.DLQ, sendBack(again, -1, -1).outcome(), "a negative level means DLQ now");
    }

    @Test
    void dlqMessagesCanBeListedQueriedAndResentToTheirGroupOnly() throws Exception {
        MessageView original = sendOriginal();
        String dlqId = sendBack(original, -1, -1).messageId();
        settle();

        List<MessageView> listed = client.call(Commands.QUERY_MESSAGE_BY_TIME, new QueryMessages.ByTime(DLQ, 0,
                Long.MAX_VALUE, 10)).ok().messages();
        assertEquals(List.of(dlqId), listed.stream().map(MessageView::messageId).toList());
        assertEquals(dlqId, client.call(Commands.QUERY_MESSAGE_BY_ID, new QueryMessages.ById(dlqId)).ok()
                .messages().get(0).messageId());
        assertEquals(1, client.call(Commands.QUERY_MESSAGE_BY_KEY, new QueryMessages.ByKey(DLQ, "order-7", 0,
                Long.MAX_VALUE, 10)).ok().messages().size());

        DeadLetters.ResendResponse resent = client.call(Commands.RESEND_DLQ_MESSAGE,
                new DeadLetters.ResendRequest(GROUP, dlqId)).ok();
        assertEquals(RETRY, resent.topic());
        settle();
        List<MessageView> retried = all(client, RETRY, 0);
        assertEquals(1, retried.size(), "visible at once, no delay");
        MessageView r = retried.get(0);
        assertEquals(0, r.reconsumeTimes());
        assertEquals(TOPIC, r.properties().get(MessageProperties.RETRY_TOPIC));
        assertEquals(original.messageId(), r.properties().get(MessageProperties.ORIGIN_MESSAGE_ID));
        assertNull(r.properties().get(MessageProperties.DLQ_ORIGIN_TOPIC));
        assertEquals(1, all(client, TOPIC, 0).size(), "other groups of the topic do not see it again");
    }

    @Test
    void sendBackAndResendErrorsSayWhatIsWrong() throws Exception {
        MessageView original = sendOriginal();
        assertEquals(ErrorCode.QUERY_NOT_FOUND, client.call(Commands.SEND_BACK,
                new SendBack.Request(GROUP, "00000000000000000000000000FFFFFF", 0, -1)).status());
        assertEquals(ErrorCode.INVALID_ARGUMENT, client.call(Commands.SEND_BACK,
                new SendBack.Request("bad group", original.messageId(), 0, -1)).status());
        var notDead = client.call(Commands.RESEND_DLQ_MESSAGE, new DeadLetters.ResendRequest(GROUP,
                original.messageId()));
        assertEquals(ErrorCode.INVALID_ARGUMENT, notDead.status());
        assertTrue(notDead.error().contains("not in %DLQ%cg"), notDead.error());
    }

    @Test
    void clusteringHeartbeatCreatesTheRetryTopicSoTheFirstPullFindsIt() throws Exception {
        client.call(Commands.HEARTBEAT, new Heartbeat.Request("c1", List.of(), List.of(new Heartbeat.ConsumerGroup(
                GROUP, MessageModel.CLUSTERING, Heartbeat.ConsumeType.PUSH,
                List.of(Subscription.all(TOPIC), Subscription.all(RETRY)))))).ok();
        assertEquals(1, broker.core().topics().get(RETRY).orElseThrow().queueNums());
        assertTrue(broker.core().topics().get("%RETRY%other").isEmpty());
    }

    @Test
    void retriesScheduledBeforeARestartAreDeliveredAfterIt() throws Exception {
        MessageView original = sendOriginal();
        sendBack(original, 5, -1);
        int port = broker.nativePort();
        client.close();
        broker.close();
        broker = TestBrokers.start(dir, port, clock, "messageDelayLevel=1s 2s 3s 4s 5s 6s 7s 8s");
        client = new RawClient(port);
        assertEquals(Duration.ofSeconds(5), awaitRetry(1));
        assertEquals(1, all(client, RETRY, 0).size());
    }
}
