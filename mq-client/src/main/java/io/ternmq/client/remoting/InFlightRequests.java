package io.ternmq.client.remoting;

import io.ternmq.client.MQClientException;
import io.ternmq.client.RemotingException;
import io.ternmq.protocol.Frame;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Requests of one connection that wait for their response, by request id. Each entry ends exactly once: by its
 * response, its timeout, or the connection closing (whoever removes it from the map wins). Futures are completed on
 * the callback executor so user code never runs on an I/O thread. Thread-safe.
 */
final class InFlightRequests {
    private record Pending(String what, CompletableFuture<Frame> future, ScheduledFuture<?> timeout) {
    }

    private final Map<Integer, Pending> pending = new ConcurrentHashMap<>();
    private final ScheduledExecutorService timer;
    private final Executor callbacks;

    InFlightRequests(ScheduledExecutorService timer, Executor callbacks) {
        this.timer = timer;
        this.callbacks = callbacks;
    }

    /** Registers a request; the future completes with the (retained) response frame, which the caller releases. */
    CompletableFuture<Frame> register(int requestId, String what, Duration timeout) {
        CompletableFuture<Frame> future = new CompletableFuture<>();
        ScheduledFuture<?> timer;
        try {
            timer = this.timer.schedule(() -> fail(requestId, new RemotingException(
                RemotingException.Kind.TIMEOUT, what + " got no response within " + timeout.toMillis() + " ms", null)),
                timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            future.completeExceptionally(new RemotingException(RemotingException.Kind.CONNECTION_CLOSED,
                    what + ": client is closing", e));
            return future;
        }
        pending.put(requestId, new Pending(what, future, timer));
        return future;
    }

    /** Hands a response to its request; returns false (and releases it) when nobody waits any more. */
    boolean complete(Frame response) {
        Pending p = pending.remove(response.requestId());
        if (p == null) {
            response.release();
            return false;
        }
        p.timeout.cancel(false);
        runCallback(() -> {
            if (!p.future.complete(response)) {
                response.release();
            }
        });
        return true;
    }

    void fail(int requestId, MQClientException error) {
        Pending p = pending.remove(requestId);
        if (p != null) {
            p.timeout.cancel(false);
            runCallback(() -> p.future.completeExceptionally(error));
        }
    }

    private void runCallback(Runnable r) {
        try {
            callbacks.execute(r);
        } catch (RejectedExecutionException e) {
            r.run(); // the client is closing: complete here rather than leave the caller waiting
        }
    }

    /** Fails every pending request, e.g. because the connection closed. */
    void failAll(RemotingException.Kind kind, String reason) {
        for (Integer id : pending.keySet()) {
            Pending p = pending.get(id);
            if (p != null) {
                fail(id, new RemotingException(kind, p.what + ": " + reason, null));
            }
        }
    }

    int size() {
        return pending.size();
    }
}
