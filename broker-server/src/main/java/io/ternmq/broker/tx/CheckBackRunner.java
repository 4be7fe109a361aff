package io.ternmq.broker.tx;

import io.ternmq.broker.client.ClientConnection;
import io.ternmq.broker.client.ConsumerGroupRegistry;
import io.ternmq.broker.store.StoredMessage;
import io.ternmq.protocol.message.TransactionResolution;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One round of check-backs: every pending half message that is due (older than its transactionTimeOut or
 * CHECK_IMMUNITY_TIME_IN_SECONDS for the first check, then every transactionCheckInterval) is checked with ONE
 * live producer of its group, chosen round-robin.
 *
 * <p>Rules, with the RocketMQ issues they avoid:
 * <ul>
 *   <li>no live producer: nothing is sent and nothing counted (apache/rocketmq#8311 counted checks that never
 *       happened); the message is checked as soon as a producer of the group sends a heartbeat;</li>
 *   <li>the CHECK op record (with the new count) is stored before CHECK_TX is sent, so restarts never reset the
 *       count;</li>
 *   <li>a COMMIT or ROLLBACK, from the check or from a late END_TX, removes the message from the pending table,
 *       so checks stop at once (apache/rocketmq#8158);</li>
 *   <li>no answer, an error or UNKNOWN count as UNKNOWN; after transactionCheckMax checks the message is parked;</li>
 *   <li>one message's failure never stops the round (apache/rocketmq#9500).</li>
 * </ul>
 *
 * <p>Thread-safe; {@link #runOnce} is called by one scheduler thread, answers complete on network threads.
 */
public final class CheckBackRunner {
    private static final System.Logger LOG = System.getLogger(CheckBackRunner.class.getName());

    private final TransactionalMessageService service;
    private final ConsumerGroupRegistry groups;
    private final CheckBackSender sender;
    private final Map<String, AtomicInteger> roundRobin = new ConcurrentHashMap<>();

    public CheckBackRunner(TransactionalMessageService service, ConsumerGroupRegistry groups,
                           CheckBackSender sender) {
        this.service = service;
        this.groups = groups;
        this.sender = sender;
    }

    /** Sends the check-backs that are due now. */
    public void runOnce() {
        long now = service.clock().millis();
        for (PendingTransaction tx : service.table().takeDue(now)) {
            try {
                checkOne(tx);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.ERROR, "check-back of " + tx.half.halfId() + " failed", e);
                release(tx, service.clock().millis() + service.settings().checkIntervalMs());
            }
        }
    }

    private void checkOne(PendingTransaction tx) {
        HalfMessage half = tx.half;
        List<ClientConnection> live = groups.producerConnections(half.producerGroup()).stream()
                .filter(ClientConnection::isActive).toList();
        if (live.isEmpty()) {
            release(tx, tx.nextCheckAt); // not counted: checked once a producer of the group is back
            return;
        }
        Optional<StoredMessage> stored = service.messages().store().queryById(half.halfId());
        if (stored.isEmpty()) {
            LOG.log(System.Logger.Level.ERROR, "half message {0} is no longer in the store; cannot check it back",
                    half.halfId());
            release(tx, service.clock().millis() + service.settings().checkIntervalMs());
            return;
        }
        ClientConnection producer = live.get(Math.floorMod(
                roundRobin.computeIfAbsent(half.producerGroup(), g -> new AtomicInteger()).getAndIncrement(),
                live.size()));
        int attempt;
        synchronized (service.table()) {
            attempt = tx.checkTimes + 1;
        }
        service.appendOpOrFail(new OpRecord(OpKind.CHECK, half.halfId(), attempt)).whenComplete((ok, error) -> {
            if (error != null) {
                LOG.log(System.Logger.Level.WARNING, "cannot record check-back of {0}: {1}", half.halfId(),
                        TransactionalMessageService.reason(error));
                release(tx, service.clock().millis() + service.settings().checkIntervalMs());
                return;
            }
            synchronized (service.table()) {
                tx.checkTimes = attempt;
                tx.nextCheckAt = service.clock().millis() + service.settings().checkIntervalMs();
            }
            sender.check(producer, stored.get(), half, attempt, service.settings().checkResponseTimeoutMs())
                    .whenComplete((resolution, failure) -> answered(tx, stored.get(), attempt, resolution, failure));
        });
    }

    private void answered(PendingTransaction tx, StoredMessage stored, int attempt, TransactionResolution resolution,
                          Throwable failure) {
        if (failure != null) {
            LOG.log(System.Logger.Level.DEBUG, "check-back {0} of {1} got no answer: {2}", attempt,
                    tx.half.halfId(), TransactionalMessageService.reason(failure));
            resolution = TransactionResolution.UNKNOWN;
        }
        if (resolution != TransactionResolution.UNKNOWN) {
            service.end(tx.half.producerGroup(), tx.half.halfId(), resolution)
                    .whenComplete((outcome, e) -> release(tx, tx.nextCheckAt));
        } else if (attempt >= service.settings().checkMax()) {
            service.park(tx, stored, attempt).whenComplete((v, e) -> {
                if (e != null) {
                    LOG.log(System.Logger.Level.WARNING, "cannot park {0}: {1}", tx.half.halfId(),
                            TransactionalMessageService.reason(e));
                }
                release(tx, tx.nextCheckAt);
            });
        } else {
            release(tx, tx.nextCheckAt);
        }
    }

    private void release(PendingTransaction tx, long nextCheckAt) {
        synchronized (service.table()) {
            tx.nextCheckAt = nextCheckAt;
            tx.checkInFlight = false;
        }
    }
}
