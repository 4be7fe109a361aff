package io.ternmq.client.internal;

import io.ternmq.client.remoting.RemotingClient;
import io.ternmq.protocol.command.Commands;
import io.ternmq.protocol.command.Heartbeat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Registers a client with the broker: at start, after every reconnect (a restarted broker forgets its clients) and
 * every {@code heartbeatInterval}. A failed heartbeat also makes the remoting client reconnect. Thread-safe.
 */
public final class HeartbeatService implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(HeartbeatService.class.getName());

    private final RemotingClient remoting;
    private final Supplier<Heartbeat.Request> request;
    private final ScheduledExecutorService scheduler;
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

    /** Starts beating; the returned future completes with the first heartbeat. */
    public CompletableFuture<Void> start() {
        running = true;
        remoting.onConnected(() -> {
            if (running) {
                beat();
            }
        });
        long period = remoting.config().heartbeatInterval().toMillis();
        scheduler.scheduleWithFixedDelay(this::beat, period, period, TimeUnit.MILLISECONDS);
        return beat();
    }

    /** Sends one heartbeat now (also used when subscriptions change). */
    public CompletableFuture<Void> beat() {
        return remoting.invoke(Commands.HEARTBEAT, request.get()).handle((ok, e) -> {
            if (e != null && running) {
                LOG.log(System.Logger.Level.DEBUG, "heartbeat failed: " + e.getMessage());
            }
            return null;
        });
    }

    /** Stops beating and unregisters the client from all its groups (best effort). */
    public void stopAndUnregister() {
        running = false;
        scheduler.shutdownNow();
        try {
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
