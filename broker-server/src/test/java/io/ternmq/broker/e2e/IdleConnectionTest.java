package io.ternmq.broker.e2e;

import io.ternmq.broker.Broker;
import io.ternmq.broker.testing.RawClient;
import io.ternmq.broker.testing.TestBrokers;
import io.ternmq.protocol.command.Commands;
import io.ternmq.protocol.command.Hello;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IdleConnectionTest {
    @TempDir
    Path dir;

    @Test
    void idleConnectionIsClosedWhileActiveOnesStay() throws Exception {
        try (Broker broker = TestBrokers.start(dir, "clientChannelMaxIdleSeconds=1", "longPollingMaxWaitMs=500");
             RawClient idle = new RawClient(broker.nativePort());
             RawClient active = new RawClient(broker.nativePort())) {
            idle.call(Commands.HELLO, new Hello.Request(1, 1, "idle", "t")).ok();
            long start = System.nanoTime();
            while (System.nanoTime() - start < Duration.ofMillis(1500).toNanos()) {
                active.call(Commands.HELLO, new Hello.Request(1, 1, "active", "t")).ok();
                Thread.sleep(200);
            }
            assertTrue(idle.closedByBroker(Duration.ofSeconds(5)), "idle connection closed");
            assertEquals(1, active.call(Commands.HELLO, new Hello.Request(1, 1, "active", "t")).ok().version());
        }
    }
}
