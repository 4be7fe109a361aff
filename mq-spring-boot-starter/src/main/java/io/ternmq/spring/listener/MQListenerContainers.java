package io.ternmq.spring.listener;

import java.util.List;

/** A read-only view of the application's listener containers, for the health indicator and metrics. */
public interface MQListenerContainers {
    /** One entry per {@code @MQListener} endpoint. */
    List<ContainerInfo> containers();

    /**
     * @param id      the endpoint id ({@code @MQListener(id)} or a generated one)
     * @param group   consumer group
     * @param topic   subscribed topic
     * @param running whether the container is started
     * @param paused  whether it is started but paused (not pulling)
     * @param shouldRun whether it is meant to run: it started with the context or was started at runtime, and was not
     *                  stopped on purpose since; a container that should run but does not is unhealthy
     */
    record ContainerInfo(String id, String group, String topic, boolean running, boolean paused, boolean shouldRun) {
    }
}
