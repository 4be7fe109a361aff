package io.ternmq.broker.e2e;

import io.ternmq.broker.Broker;
import io.ternmq.broker.testing.Conditions;
import io.ternmq.broker.testing.RawClient;
import io.ternmq.broker.testing.TestBrokers;
import io.ternmq.protocol.command.Commands;
import io.ternmq.protocol.command.QueueLocks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** LOCK_QUEUES / UNLOCK_QUEUES over real sockets: exclusivity, unlock, release on disconnect, expiry. */
class QueueLockEndToEndTest {
    private static final List<QueueLocks.QueueRef> BOTH = List.of(new QueueLocks.QueueRef("orders", 0),
            new QueueLocks.QueueRef("orders", 1));

    @TempDir
    Path dir;

    private static List<QueueLocks.QueueRef> lock(RawClient c, String clientId, List<QueueLocks.QueueRef> queues)
            throws Exception {
        return c.call(Commands.LOCK_QUEUES, new QueueLocks.Request("G", clientId, queues)).ok().locked();
    }

    @Test
    void aSecondClientCannotLockAQueueUntilTheHolderUnlocksIt() throws Exception {
        try (Broker broker = TestBrokers.start(dir);
             RawClient c1 = new RawClient(broker.nativePort());
             RawClient c2 = new RawClient(broker.nativePort())) {
            c1.call(Commands.HEARTBEAT, GroupMembershipTest.heartbeat("c1", "G")).ok();
            c2.call(Commands.HEARTBEAT, GroupMembershipTest.heartbeat("c2", "G")).ok();
            assertEquals(BOTH, lock(c1, "c1", BOTH));
            assertEquals(List.of(), lock(c2, "c2", BOTH));
            assertEquals(BOTH, lock(c1, "c1", BOTH), "the holder renews");
            c1.call(Commands.UNLOCK_QUEUES, new QueueLocks.Request("G", "c1", BOTH.subList(1, 2))).ok();
            assertEquals(BOTH.subList(1, 2), lock(c2, "c2", BOTH));
        }
    }

    @Test
    void locksAreReleasedWhenTheHoldersConnectionCloses() throws Exception {
        try (Broker broker = TestBrokers.start(dir);
             RawClient c2 = new RawClient(broker.nativePort())) {
            RawClient c1 = new RawClient(broker.nativePort());
            c1.call(Commands.HEARTBEAT, GroupMembershipTest.heartbeat("c1", "G")).ok();
            c2.call(Commands.HEARTBEAT, GroupMembershipTest.heartbeat("c2", "G")).ok();
            assertEquals(BOTH, lock(c1, "c1", BOTH));
            c1.socket().close(); // no UNLOCK, no UNREGISTER: a killed process
            Conditions.await("c2 gets the queues of the disconnected c1", Duration.ofSeconds(10),
                    () -> call(() -> lock(c2, "c2", BOTH)).equals(BOTH));
        }
    }

    @Test
    void aLockThatIsNotRenewedExpires() throws Exception {
        try (Broker broker = TestBrokers.start(dir, "rebalanceLockMaxLiveTime=300");
             RawClient c1 = new RawClient(broker.nativePort());
             RawClient c2 = new RawClient(broker.nativePort())) {
            c1.call(Commands.HEARTBEAT, GroupMembershipTest.heartbeat("c1", "G")).ok();
            c2.call(Commands.HEARTBEAT, GroupMembershipTest.heartbeat("c2", "G")).ok();
            assertEquals(BOTH, lock(c1, "c1", BOTH));
            assertEquals(List.of(), lock(c2, "c2", BOTH));
            long lockedAt = System.nanoTime();
            Conditions.await("c1's lock expires", Duration.ofSeconds(10),
                    () -> call(() -> lock(c2, "c2", BOTH)).equals(BOTH));
            long waitedMs = (System.nanoTime() - lockedAt) / 1_000_000;
            assertEquals(true, waitedMs >= 250, "granted only after the expiry, waited " + waitedMs + " ms");
            assertEquals(List.of(), lock(c1, "c1", BOTH), "c1, still connected, lost it to c2");
        }
    }

    private interface IoCall<T> {
        T run() throws Exception;
    }

    private static <T> T call(IoCall<T> call) {
        try {
            return call.run();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
