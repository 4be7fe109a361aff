package io.ternmq.client.internal;

import io.ternmq.client.MQBrokerException;
import io.ternmq.client.remoting.RemotingClient;
import io.ternmq.protocol.ErrorCode;
import io.ternmq.protocol.command.Commands;
import io.ternmq.protocol.command.Heartbeat;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Registers a client with the broker: at start, after every reconnect (a restarted broker forgets its clients) and
 * every {@code heartbeatInterval}. A failed heartbeat also makes the remoting client reconnect. Thread-safe.
 *
 * <p>Unregistering first waits for heartbeats still in flight: the broker may run requests of one connection on
 * different threads, and a late heartbeat would otherwise register the client again after it left.
 */
public final class HeartbeatService implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(HeartbeatService.class.getName());

    private final RemotingClient remoting;
    private final Supplier<Heartbeat.Request> request;
    private final ScheduledExecutorService scheduler;
    private final Set<CompletableFuture<Void>> inFlight = ConcurrentHashMap.newKeySet();
    private volatile boolean running;

    public HeartbeatService(RemotingClient remoting, Supplier<Heartbeat.Request> request) {
        this.remoting = remoting;
        this.request = request;
        this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "ternmq-heartbeat-" + remoting.config().clientId());
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Starts beating; the returned future completes with the first heartbeat, or fails with the broker's
     * {@link MQBrokerException} when it refuses a subscription (a malformed tag or SQL92 expression): retrying
     * cannot fix that, so the caller should fail its start. Other failures are left to the retries.
     */
    public CompletableFuture<Void> start() {
        running = true;
        remoting.onConnected(() -> {
            if (running) {
                beat();
            }
        });
        long period = remoting.config().heartbeatInterval().toMillis();
        scheduler.scheduleWithFixedDelay(this::beat, period, period, TimeUnit.MILLISECONDS);
        return send(true);
    }

    /** Sends one heartbeat now (also used when subscriptions change). */
    public CompletableFuture<Void> beat() {
        return send(false);
    }

    private synchronized CompletableFuture<Void> send(boolean failOnRefusedSubscription) {
        if (!running) {
            return CompletableFuture.completedFuture(null);
        }
        CompletableFuture<Void> sent = remoting.invoke(Commands.HEARTBEAT, request.get()).handle((ok, e) -> {
            if (e == null) {
                return null;
            }
            Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
            if (failOnRefusedSubscription && cause instanceof MQBrokerException refused
                    && refused.errorCode() == ErrorCode.SUBSCRIPTION_ILLEGAL) {
                throw refused;
            }
            if (running) {
                LOG.log(System.Logger.Level.DEBUG, "heartbeat failed: " + e.getMessage());
            }
            return null;
        });
        inFlight.add(sent);
        sent.whenComplete((v, e) -> inFlight.remove(sent));
        return sent;
    }

    /** Stops beating and unregisters the client from all its groups (best effort). */
    public void stopAndUnregister() {
        List<CompletableFuture<Void>> pending;
        synchronized (this) {
            running = false;
            pending = List.copyOf(inFlight);
        }
        scheduler.shutdownNow();
        try {
            // heartbeats complete (ok, failed or timed out) within the request timeout; never throws
            CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).join();
            Blocking.await(remoting.invoke(Commands.UNREGISTER_CLIENT,
                    new Heartbeat.Unregister(remoting.config().clientId())));
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.DEBUG, "unregister failed: " + e.getMessage());
        }
    }

    @Override
    public void close() {
        running = false;
        scheduler.shutdownNow();
    }
}
