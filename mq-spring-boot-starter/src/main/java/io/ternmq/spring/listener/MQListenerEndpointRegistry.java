package io.ternmq.spring.listener;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.SmartLifecycle;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Holds the application's listener containers, one per {@code @MQListener} endpoint, by id, and runs them with the
 * application context: containers with auto-startup start when the context has refreshed, and all stop when it
 * closes. At runtime a container is found by id and started, stopped, paused or resumed:
 *
 * <pre>{@code
 * registry.pause("orders");   // stop taking messages, keep the queues
 * registry.resume("orders");
 * }</pre>
 *
 * <p>Phase: {@value #PHASE}, among the last lifecycle beans to start and the first to stop, so listeners only run
 * while everything they use is up; stopping is graceful (in-flight messages finish and their offsets are committed)
 * and happens before the context destroys beans such as the DataSource. Containers stop in parallel.
 *
 * <p>Thread-safe: the container map is guarded by {@code this}; containers are thread-safe themselves.
 */
public class MQListenerEndpointRegistry implements MQListenerContainers, SmartLifecycle, DisposableBean {
    /** Late start, early stop (the phase Spring Kafka's containers use). */
    public static final int PHASE = Integer.MAX_VALUE - 100;
    private static final Log LOG = LogFactory.getLog(MQListenerEndpointRegistry.class);

    private final MQListenerContainerFactory factory;
    private final Map<String, MQListenerContainer> containers = new LinkedHashMap<>();
    private volatile boolean running;

    /** @param factory builds the container of each registered endpoint */
    public MQListenerEndpointRegistry(MQListenerContainerFactory factory) {
        this.factory = factory;
    }

    /**
     * Creates the endpoint's container; when the registry is already running (an endpoint of a bean created after
     * startup) it is started at once if it auto-starts.
     *
     * @throws IllegalStateException when the id or the consumer group is already taken by another endpoint
     */
    public MQListenerContainer registerListenerContainer(MQListenerEndpoint endpoint) {
        MQListenerContainer container;
        synchronized (this) {
            MQListenerContainer same = containers.get(endpoint.id());
            if (same != null) {
                throw new IllegalStateException("@MQListener on " + endpoint.source() + ": id '" + endpoint.id()
                        + "' is already used by " + same.getEndpoint().source() + "; ids must be unique");
            }
            for (MQListenerContainer other : containers.values()) {
                if (other.getEndpoint().group().equals(endpoint.group())) {
                    throw new IllegalStateException("@MQListener on " + endpoint.source() + ": group '"
                            + endpoint.group() + "' is already used by " + other.getEndpoint().source()
                            + "; a consumer group has one subscription, so give each listener its own group");
                }
            }
            container = factory.createContainer(endpoint);
            containers.put(endpoint.id(), container);
        }
        if (running && container.isAutoStartup()) {
            container.start();
        }
        return container;
    }

    /** The container with this id, or null. */
    public synchronized MQListenerContainer getListenerContainer(String id) {
        return containers.get(id);
    }

    /** All containers, in registration order. */
    public synchronized Collection<MQListenerContainer> getListenerContainers() {
        return List.copyOf(containers.values());
    }

    /** The ids of all containers. */
    public synchronized List<String> getListenerContainerIds() {
        return List.copyOf(containers.keySet());
    }

    /** Starts the container (see {@link MQListenerContainer#start()}). @throws IllegalArgumentException for an unknown id */
    public void start(String id) {
        require(id).start();
    }

    /** Stops the container gracefully. @throws IllegalArgumentException for an unknown id */
    public void stop(String id) {
        require(id).stop();
    }

    /** Pauses the container. @throws IllegalArgumentException for an unknown id */
    public void pause(String id) {
        require(id).pause();
    }

    /** Resumes the container. @throws IllegalArgumentException for an unknown id */
    public void resume(String id) {
        require(id).resume();
    }

    private MQListenerContainer require(String id) {
        MQListenerContainer c = getListenerContainer(id);
        if (c == null) {
            throw new IllegalArgumentException("no @MQListener container with id '" + id + "'; known ids: "
                    + getListenerContainerIds());
        }
        return c;
    }

    @Override
    public List<ContainerInfo> containers() {
        List<ContainerInfo> out = new ArrayList<>();
        for (MQListenerContainer c : getListenerContainers()) {
            MQListenerEndpoint e = c.getEndpoint();
            out.add(new ContainerInfo(e.id(), e.group(), e.topic(), c.isRunning(), c.isPaused(),
                    c.shouldRun()));
        }
        return out;
    }

    /** Starts the auto-startup containers; the first that cannot start fails the context. */
    @Override
    public void start() {
        running = true;
        for (MQListenerContainer c : getListenerContainers()) {
            if (c.isAutoStartup()) {
                c.start();
            }
        }
    }

    @Override
    public void stop() {
        stopAll();
    }

    @Override
    public void stop(Runnable callback) {
        try {
            stopAll();
        } finally {
            callback.run();
        }
    }

    /** Stops every running container, in parallel, and waits for them. */
    private void stopAll() {
        running = false;
        List<CompletableFuture<Void>> stops = new ArrayList<>();
        for (MQListenerContainer c : getListenerContainers()) {
            if (c.isRunning()) {
                stops.add(CompletableFuture.runAsync(c::stop, runnable -> {
                    Thread t = new Thread(runnable, "mq-listener-stop-" + c.getId());
                    t.start();
                }).exceptionally(e -> {
                    LOG.warn("stopping @MQListener " + c.getId() + " failed", e);
                    return null;
                }));
            }
        }
        stops.forEach(CompletableFuture::join);
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }

    /** Stops whatever still runs, e.g. when the context failed to refresh after starting some containers. */
    @Override
    public void destroy() {
        stopAll();
    }
}
