package io.ternmq.broker.client;

import io.ternmq.protocol.command.Heartbeat;
import io.ternmq.protocol.message.MessageModel;
import io.ternmq.protocol.message.Subscription;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ConsumerGroupRegistryTest {
    /** A clock the test moves by hand. */
    static final class ManualClock extends Clock {
        long millis = 1_000_000;

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(millis);
        }
    }

    static final class FakeConnection implements ClientConnection {
        final List<String> notified = new ArrayList<>();
        boolean active = true;

        @Override
        public String remoteAddress() {
            return "127.0.0.1:1";
        }

        @Override
        public boolean isActive() {
            return active;
        }

        @Override
        public void notifyConsumerIdsChanged(String group) {
            notified.add(group);
        }
    }

    private final ManualClock clock = new ManualClock();
    private final ConsumerGroupRegistry registry = new ConsumerGroupRegistry(clock);

    private static List<Heartbeat.ConsumerGroup> consumerOf(String... groups) {
        List<Heartbeat.ConsumerGroup> list = new ArrayList<>();
        for (String g : groups) {
            list.add(new Heartbeat.ConsumerGroup(g, MessageModel.CLUSTERING, Heartbeat.ConsumeType.PUSH,
                    List.of(Subscription.all("t"))));
        }
        return list;
    }

    @Test
    void repeatedHeartbeatsDoNotNotifyButJoinsAndLeavesDo() {
        FakeConnection a = new FakeConnection();
        FakeConnection b = new FakeConnection();
        registry.heartbeat("a", a, List.of(), consumerOf("G"));
        registry.heartbeat("a", a, List.of(), consumerOf("G"));
        assertEquals(List.of("G"), a.notified);
        registry.heartbeat("b", b, List.of(), consumerOf("G"));
        assertEquals(List.of("G", "G"), a.notified);
        registry.heartbeat("b", b, List.of(), consumerOf()); // b left G in its heartbeat
        assertEquals(List.of("G", "G", "G"), a.notified);
        assertEquals(List.of("a"), registry.consumerIds("G"));
    }

    @Test
    void expiryAndClosedConnectionsRemoveMembers() {
        FakeConnection a = new FakeConnection();
        FakeConnection b = new FakeConnection();
        registry.heartbeat("a", a, List.of("P"), consumerOf("G"));
        registry.heartbeat("b", b, List.of(), consumerOf("G"));
        clock.millis += 100;
        registry.heartbeat("a", a, List.of("P"), consumerOf("G"));
        clock.millis += 50;
        registry.expire(120);
        assertEquals(List.of("a"), registry.consumerIds("G"));
        assertEquals(List.of("a"), registry.producerIds("P"));
        registry.connectionClosed(a);
        assertEquals(List.of(), registry.consumerIds("G"));
        assertEquals(List.of(), registry.producerIds("P"));
        assertEquals(List.of(), registry.consumerGroups());
    }
}
