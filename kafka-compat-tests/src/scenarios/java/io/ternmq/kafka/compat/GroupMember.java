package io.ternmq.kafka.compat;

import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One consumer of a group, polling on its own thread (a KafkaConsumer is single-threaded) and reporting every
 * assignment change to a shared {@link OwnershipLedger} from its rebalance listener, i.e. before it rejoins and
 * after it has synced. {@link #close()} wakes the poll and closes the consumer on its thread, which leaves the group.
 */
final class GroupMember implements AutoCloseable {
    private final String name;
    private final Thread thread;
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private volatile boolean running = true;
    private volatile KafkaConsumer<String, String> consumer;

    GroupMember(String name, Map<String, Object> config, String topic, OwnershipLedger ledger) {
        this.name = name;
        this.thread = new Thread(() -> run(config, topic, ledger), "group-member-" + name);
        thread.setDaemon(true);
        thread.start();
    }

    private void run(Map<String, Object> config, String topic, OwnershipLedger ledger) {
        try (KafkaConsumer<String, String> c = new KafkaConsumer<>(config)) {
            consumer = c;
            c.subscribe(List.of(topic), new ConsumerRebalanceListener() {
                @Override
                public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                    ledger.release(name, partitions);
                }

                @Override
                public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                    ledger.acquire(name, partitions);
                }

                @Override
                public void onPartitionsLost(Collection<TopicPartition> partitions) {
                    ledger.release(name, partitions);
                }
            });
            while (running) {
                try {
                    c.poll(Duration.ofMillis(200));
                } catch (WakeupException e) {
                    // close() asked us to stop; the loop condition decides
                }
            }
        } catch (Throwable t) {
            failure.set(t);
        }
    }

    String name() {
        return name;
    }

    /** What went wrong on the member's thread, or null. */
    Throwable failure() {
        return failure.get();
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        KafkaConsumer<String, String> c = consumer;
        if (c != null) {
            c.wakeup();
        }
        thread.join(KafkaClients.TIMEOUT.toMillis());
        if (thread.isAlive()) {
            thread.interrupt();
            throw new IllegalStateException("group member " + name + " did not stop within " + KafkaClients.TIMEOUT);
        }
    }
}
