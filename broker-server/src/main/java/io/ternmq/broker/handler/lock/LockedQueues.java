package io.ternmq.broker.handler.lock;

import io.ternmq.broker.lock.QueueLockTable;
import io.ternmq.protocol.command.QueueLocks;

import java.util.ArrayList;
import java.util.List;

/** The queues named by a LOCK_QUEUES or UNLOCK_QUEUES request, as lock table keys. */
final class LockedQueues {
    private LockedQueues() {
    }

    static List<QueueLockTable.LockedQueue> of(QueueLocks.Request request) {
        List<QueueLockTable.LockedQueue> out = new ArrayList<>(request.queues().size());
        for (QueueLocks.QueueRef q : request.queues()) {
            out.add(new QueueLockTable.LockedQueue(request.group(), q.topic(), q.queueId()));
        }
        return out;
    }
}
