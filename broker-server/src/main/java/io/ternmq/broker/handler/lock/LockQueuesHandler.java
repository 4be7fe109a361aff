package io.ternmq.broker.handler.lock;

import io.ternmq.broker.lock.QueueLockTable;
import io.ternmq.broker.remoting.Reply;
import io.ternmq.broker.remoting.RequestContext;
import io.ternmq.broker.remoting.RequestHandler;
import io.ternmq.protocol.command.QueueLocks;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * LOCK_QUEUES: locks or renews queues of a group for a client and answers the subset it holds now. A queue held by
 * another live member is simply left out; the client tries again on its next rebalance or renewal.
 */
public final class LockQueuesHandler implements RequestHandler<QueueLocks.Request> {
    private final QueueLockTable locks;

    public LockQueuesHandler(QueueLockTable locks) {
        this.locks = locks;
    }

    @Override
    public CompletableFuture<Reply> handle(RequestContext context, QueueLocks.Request request) {
        List<QueueLockTable.LockedQueue> wanted = LockedQueues.of(request);
        List<QueueLocks.QueueRef> granted = new ArrayList<>();
        for (QueueLockTable.LockedQueue q : locks.lock(request.clientId(), wanted)) {
            granted.add(new QueueLocks.QueueRef(q.topic(), q.queueId()));
        }
        return Reply.ok(new QueueLocks.Locked(granted)).done();
    }
}
