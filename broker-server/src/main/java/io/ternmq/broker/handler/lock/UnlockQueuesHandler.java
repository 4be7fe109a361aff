package io.ternmq.broker.handler.lock;

import io.ternmq.broker.lock.QueueLockTable;
import io.ternmq.broker.remoting.Reply;
import io.ternmq.broker.remoting.RequestContext;
import io.ternmq.broker.remoting.RequestHandler;
import io.ternmq.protocol.command.Empty;
import io.ternmq.protocol.command.QueueLocks;

import java.util.concurrent.CompletableFuture;

/** UNLOCK_QUEUES: releases the listed queues the client holds; others' locks and unknown queues are ignored. */
public final class UnlockQueuesHandler implements RequestHandler<QueueLocks.Request> {
    private final QueueLockTable locks;

    public UnlockQueuesHandler(QueueLockTable locks) {
        this.locks = locks;
    }

    @Override
    public CompletableFuture<Reply> handle(RequestContext context, QueueLocks.Request request) {
        locks.unlock(request.clientId(), LockedQueues.of(request));
        return Reply.ok(Empty.INSTANCE).done();
    }
}
