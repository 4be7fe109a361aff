package io.ternmq.spring.idempotency.crash;

import io.ternmq.client.admin.AdminClient;
import io.ternmq.spring.testing.ChildJvm;
import io.ternmq.test.db.TestDatabase;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The consumer processes of one group: starts numbered {@link IdempotentOrderConsumerApp} processes with the timings
 * that make a crash test quick, and reads the group's state on the broker. Closing it kills the processes still
 * running (a test that failed early).
 */
final class ConsumerGroupProcesses implements AutoCloseable {
    /** Each listener call's work: with 4 threads, a process records at most ~100 orders a second. */
    static final int WORK_MILLIS = 40;

    private final TestDatabase db;
    private final AdminClient admin;
    private final String address;
    private final String topic;
    private final String group;
    private final Path dir;
    private final List<ConsumerProcess> started = new ArrayList<>();

    /** @param dir where the processes' event files and logs go */
    ConsumerGroupProcesses(TestDatabase db, AdminClient admin, String address, String topic, String group, Path dir) {
        this.db = db;
        this.admin = admin;
        this.address = address;
        this.topic = topic;
        this.group = group;
        this.dir = dir;
    }

    String group() {
        return group;
    }

    /** Starts the next process ({@code consumer-01}, {@code consumer-02}, ...). */
    ConsumerProcess start() throws Exception {
        ChildJvm jvm = ChildJvm.of(IdempotentOrderConsumerApp.class)
                .property("consumer.topic", topic).property("consumer.group", group)
                .property("consumer.work-millis", WORK_MILLIS)
                .properties(db.springProperties())
                .property("spring.datasource.type", SimpleDriverDataSource.class.getName())
                .property("mq.broker-address", address)
                .property("mq.transaction.enabled", false) // a consumer: no transactional producer
                .property("mq.consumer.consume-from-where", "FIRST_OFFSET")
                // small pulls: a process holds few messages of each queue at a time, so it works on all its queues
                // at once, and the calls cut by a kill are near the end of what it had taken
                .property("mq.consumer.pull-batch-size", 8)
                .property("mq.consumer.pull-threshold-for-queue", 16)
                // a killed member's queues are free once the broker sees its connection close and tells the
                // others; these only bound the safety nets
                .property("mq.consumer.rebalance-interval", "1s")
                .property("mq.consumer.handover-delay", "300ms")
                .property("mq.consumer.pull-max-wait", "500ms")
                .property("mq.consumer.persist-interval", "1s")
                .property("mq.listener.shutdown-timeout", "10s");
        ConsumerProcess process = ConsumerProcess.start(String.format("consumer-%02d", started.size() + 1), jvm, dir);
        started.add(process);
        return process;
    }

    /** Client ids of the group's members on the broker. */
    List<String> members() {
        return admin.consumerList(group);
    }

    /** The group's committed offset per queue of the topic (queues without one are absent). */
    Map<Integer, Long> committedOffsets() {
        Map<Integer, Long> offsets = new TreeMap<>();
        admin.consumerProgress(group).stream().filter(p -> p.topic().equals(topic) && p.consumerOffset() >= 0)
                .forEach(p -> offsets.put(p.queueId(), p.consumerOffset()));
        return offsets;
    }

    /** Messages stored in the topic's queues. */
    long stored() {
        return admin.consumerProgress(group).stream().filter(p -> p.topic().equals(topic))
                .mapToLong(p -> p.brokerOffset()).sum();
    }

    @Override
    public void close() {
        started.forEach(ConsumerProcess::destroy);
    }
}
