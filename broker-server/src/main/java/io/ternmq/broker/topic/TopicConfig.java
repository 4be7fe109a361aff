package io.ternmq.broker.topic;

/**
 * A topic's configuration.
 *
 * @param name      topic name
 * @param queueNums number of queues, ids {@code 0 .. queueNums-1}
 * @param perm      permission bits: 2 = write, 4 = read (RocketMQ's values)
 * @param order     whether producers should treat the topic as ordered (informational for the broker)
 */
public record TopicConfig(String name, int queueNums, int perm, boolean order) {
    public static final int PERM_WRITE = 2;
    public static final int PERM_READ = 4;
    public static final int PERM_READ_WRITE = PERM_READ | PERM_WRITE;

    public boolean writable() {
        return (perm & PERM_WRITE) != 0;
    }

    public boolean readable() {
        return (perm & PERM_READ) != 0;
    }

    public boolean hasQueue(int queueId) {
        return queueId >= 0 && queueId < queueNums;
    }
}
