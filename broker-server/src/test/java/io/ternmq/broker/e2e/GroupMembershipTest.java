package io.ternmq.broker.e2e;

import io.ternmq.broker.Broker;
import io.ternmq.broker.testing.RawClient;
import io.ternmq.broker.testing.TestBrokers;
import io.ternmq.protocol.ErrorCode;
import io.ternmq.protocol.Frame;
import io.ternmq.protocol.Frames;
import io.ternmq.protocol.command.Commands;
import io.ternmq.protocol.command.ConsumerList;
import io.ternmq.protocol.command.Empty;
import io.ternmq.protocol.command.Heartbeat;
import io.ternmq.protocol.command.Progress;
import io.ternmq.protocol.message.ExpressionType;
import io.ternmq.protocol.message.MessageModel;
import io.ternmq.protocol.message.Subscription;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GroupMembershipTest {
    @TempDir
    Path dir;

    static Heartbeat.Request heartbeat(String clientId, String group, ExpressionType type, String expression) {
        return new Heartbeat.Request(clientId, List.of("pg"), List.of(new Heartbeat.ConsumerGroup(group,
                MessageModel.CLUSTERING, Heartbeat.ConsumeType.PUSH,
                List.of(new Subscription("orders", type, expression)))));
    }

    static Heartbeat.Request heartbeat(String clientId, String group) {
        return heartbeat(clientId, group, ExpressionType.TAG, "*");
    }

    static void assertNotified(RawClient c, String group) throws Exception {
        Frame notify = c.awaitServerRequest(Duration.ofSeconds(5));
        try {
            assertEquals(Commands.NOTIFY_CONSUMER_IDS_CHANGED.code(), notify.command());
            assertTrue(notify.isOneWay());
            assertEquals(group, Frames.decodeRequest(Commands.NOTIFY_CONSUMER_IDS_CHANGED, notify).group());
        } finally {
            notify.release();
        }
    }

    @Test
    void membersAreNotifiedOnJoinLeaveAndDisconnect() throws Exception {
        try (Broker broker = TestBrokers.start(dir);
             RawClient c1 = new RawClient(broker.nativePort())) {
            c1.call(Commands.HEARTBEAT, heartbeat("c1", "G")).ok();
            assertNotified(c1, "G"); // its own join
            RawClient c2 = new RawClient(broker.nativePort());
            c2.call(Commands.HEARTBEAT, heartbeat("c2", "G")).ok();
            assertNotified(c1, "G");
            assertEquals(List.of("c1", "c2"),
                    c1.call(Commands.GET_CONSUMER_LIST, new ConsumerList.GroupRequest("G")).ok().clientIds());

            List<Progress.GroupInfo> groups = c1.call(Commands.LIST_GROUPS, Empty.INSTANCE).ok().groups();
            assertEquals(List.of("c1", "c2"), groups.stream().filter(g -> g.group().equals("G")).findFirst()
                    .orElseThrow().clientIds());

            c2.close();
            assertNotified(c1, "G");
            assertEquals(List.of("c1"),
                    c1.call(Commands.GET_CONSUMER_LIST, new ConsumerList.GroupRequest("G")).ok().clientIds());

            c1.call(Commands.UNREGISTER_CLIENT, new Heartbeat.Unregister("c1")).ok();
            assertEquals(List.of(),
                    c1.call(Commands.GET_CONSUMER_LIST, new ConsumerList.GroupRequest("G")).ok().clientIds());
        }
    }

    @Test
    void clientsWithoutHeartbeatExpire() throws Exception {
        try (Broker broker = TestBrokers.start(dir, "channelExpiredTimeout=300");
             RawClient alive = new RawClient(broker.nativePort());
             RawClient silent = new RawClient(broker.nativePort())) {
            alive.call(Commands.HEARTBEAT, heartbeat("alive", "G")).ok();
            silent.call(Commands.HEARTBEAT, heartbeat("silent", "G")).ok();
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            List<String> members;
            do {
                alive.call(Commands.HEARTBEAT, heartbeat("alive", "G")).ok();
                members = alive.call(Commands.GET_CONSUMER_LIST, new ConsumerList.GroupRequest("G")).ok().clientIds();
                Thread.sleep(50);
            } while (members.size() > 1 && System.nanoTime() < deadline);
            assertEquals(List.of("alive"), members);
        }
    }

    @Test
    void sql92AndUnknownGroupsAreRefused() throws Exception {
        try (Broker broker = TestBrokers.start(dir, "autoCreateSubscriptionGroup=false");
             RawClient c = new RawClient(broker.nativePort())) {
            var sql = c.call(Commands.HEARTBEAT, heartbeat("c", "G", ExpressionType.SQL92, "a > 1"));
            assertEquals(ErrorCode.SUBSCRIPTION_ILLEGAL, sql.status());
            assertTrue(sql.error().contains("SQL92 not supported yet"), sql.error());
            var unknown = c.call(Commands.HEARTBEAT, heartbeat("c", "G"));
            assertEquals(ErrorCode.SUBSCRIPTION_ILLEGAL, unknown.status());
            assertTrue(unknown.error().contains("autoCreateSubscriptionGroup"), unknown.error());
        }
    }
}
