package io.ternmq.spring.testing;

import io.ternmq.spring.listener.MQListenerContainers;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A fake of the listener helper's container view: the test says which containers exist and in what state. */
public final class FakeListenerContainers implements MQListenerContainers {
    private final List<ContainerInfo> containers = new CopyOnWriteArrayList<>();

    public FakeListenerContainers add(String id, String group, String topic, boolean running, boolean paused,
                                      boolean shouldRun) {
        containers.add(new ContainerInfo(id, group, topic, running, paused, shouldRun));
        return this;
    }

    @Override
    public List<ContainerInfo> containers() {
        return List.copyOf(containers);
    }
}
