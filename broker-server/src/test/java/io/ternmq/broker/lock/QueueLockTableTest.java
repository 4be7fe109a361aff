package io.ternmq.broker.lock;

import io.ternmq.broker.lock.QueueLockTable.LockedQueue;
import io.ternmq.broker.testing.ManualClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class QueueLockTableTest {
    private static final long TTL = 60_000;
    private static final LockedQueue Q0 = new LockedQueue("G", "orders", 0);
    private static final LockedQueue Q1 = new LockedQueue("G", "orders", 1);

    private final ManualClock clock = new ManualClock(1_000_000);
    private final Set<String> members = new HashSet<>();
    private QueueLockTable locks;

    @BeforeEach
    void setUp() {
        members.addAll(List.of("G/c1", "G/c2", "H/c2"));
        locks = new QueueLockTable(clock, TTL, (group, client) -> members.contains(group + "/" + client));
    }

    @Test
    void aLockedQueueIsNotGrantedToAnotherClientUntilItExpires() {
        assertEquals(List.of(Q0, Q1), locks.lock("c1", List.of(Q0, Q1)));
        assertEquals(List.of(), locks.lock("c2", List.of(Q0, Q1)));
        clock.advance(Duration.ofMillis(TTL - 1));
        assertEquals(List.of(), locks.lock("c2", List.of(Q0)));
        clock.advance(Duration.ofMillis(1));
        assertEquals(List.of(Q0), locks.lock("c2", List.of(Q0)));
        assertEquals("c2", locks.holder(Q0));
    }

    @Test
    void lockingAgainRenewsTheHoldersLock() {
        locks.lock("c1", List.of(Q0));
        clock.advance(Duration.ofMillis(TTL - 10));
        assertEquals(List.of(Q0), locks.lock("c1", List.of(Q0)));
        clock.advance(Duration.ofMillis(TTL - 10));
        assertEquals(List.of(), locks.lock("c2", List.of(Q0)));
        assertEquals("c1", locks.holder(Q0));
    }

    @Test
    void theResponseHoldsOnlyTheQueuesThisClientGot() {
        locks.lock("c2", List.of(Q1));
        assertEquals(List.of(Q0), locks.lock("c1", List.of(Q0, Q1)));
    }

    @Test
    void unlockFreesTheQueueAtOnceButOnlyForItsHolder() {
        locks.lock("c1", List.of(Q0, Q1));
        locks.unlock("c2", List.of(Q0));
        assertEquals("c1", locks.holder(Q0));
        locks.unlock("c1", List.of(Q0));
        assertNull(locks.holder(Q0));
        assertEquals(List.of(Q0), locks.lock("c2", List.of(Q0, Q1)));
    }

    @Test
    void aHolderThatLeftItsGroupLosesItsLocksWithoutWaitingForExpiry() {
        locks.lock("c1", List.of(Q0, Q1));
        members.remove("G/c1"); // unregistered, connection closed or heartbeat expired
        assertNull(locks.holder(Q0));
        assertEquals(List.of(Q0), locks.lock("c2", List.of(Q0)));
        assertEquals(1, locks.purge(), "c1's dead lock of Q1 is forgotten, c2's live lock of Q0 kept");
        assertEquals("c2", locks.holder(Q0));
    }

    @Test
    void aClientThatIsNotAMemberOfTheGroupLocksNothing() {
        assertEquals(List.of(), locks.lock("stranger", List.of(Q0)));
        assertNull(locks.holder(Q0));
    }

    @Test
    void locksArePerConsumerGroup() {
        LockedQueue sameQueueOtherGroup = new LockedQueue("H", "orders", 0);
        locks.lock("c1", List.of(Q0));
        assertEquals(List.of(sameQueueOtherGroup), locks.lock("c2", List.of(sameQueueOtherGroup)));
    }
}
