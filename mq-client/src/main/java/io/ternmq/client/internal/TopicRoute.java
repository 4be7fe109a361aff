package io.ternmq.client.internal;

import io.ternmq.client.MessageQueue;
import io.ternmq.protocol.command.Topics;

import java.util.ArrayList;
import java.util.List;

/**
 * What the client needs to know about a topic: its queues. {@code exists} is false when the broker does not know
 * the topic yet (it may create it on the first send); then the queues are the default ones a send would create.
 */
public record TopicRoute(String topic, boolean exists, int perm, List<MessageQueue> queues,
                         List<Topics.QueueStatus> queueStatus) {

    public static TopicRoute of(Topics.Route route) {
        List<MessageQueue> queues = new ArrayList<>();
        for (int i = 0; i < route.config().queueNums(); i++) {
            queues.add(new MessageQueue(route.config().topic(), i));
        }
        return new TopicRoute(route.config().topic(), true, route.config().perm(), List.copyOf(queues),
                route.queues());
    }

    /** A topic the broker does not know yet and will create with {@code queueNums} queues on the first send. */
    public static TopicRoute notYetCreated(String topic, int queueNums) {
        List<MessageQueue> queues = new ArrayList<>();
        for (int i = 0; i < queueNums; i++) {
            queues.add(new MessageQueue(topic, i));
        }
        return new TopicRoute(topic, false, Topics.PERM_READ_WRITE, List.copyOf(queues), List.of());
    }

    public boolean writable() {
        return (perm & Topics.PERM_WRITE) != 0;
    }

    public boolean readable() {
        return (perm & Topics.PERM_READ) != 0;
    }
}
