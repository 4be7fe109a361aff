package io.ternmq.kafka.server.handler;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * A real KafkaConsumer in a group, polling on its own thread the way an application does (a group member must keep
 * polling to rejoin rebalances). Tests read its current assignment and received records, and run calls on the
 * consumer's thread with {@link #call} (KafkaConsumer is single-threaded).
 *
 * <p>With {@code pauseAssigned} every assigned partition is paused at once, so the member takes part in the group
 * (join, sync, heartbeat, commit) without fetching records. Otherwise it consumes, and commits what poll returned
 * whenever partitions are taken away (rebalance, close): a clean hand-over, so no record is delivered twice.
 */
final class ConsumerLoop implements AutoCloseable {
    private final KafkaConsumer<String, String> consumer;
    private final Thread thread;
    private final boolean pauseAssigned;
    private final LinkedBlockingQueue<Runnable> tasks = new LinkedBlockingQueue<>();
    private final ConcurrentLinkedQueue<ConsumerRecord<String, String>> received = new ConcurrentLinkedQueue<>();
    private volatile Set<TopicPartition> assigned = Set.of();
    private volatile int rebalances;
    private volatile Throwable failure;
    private volatile boolean stopping;

    private ConsumerLoop(Map<String, Object> config, String topic, boolean pauseAssigned) {
        this.consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
        this.pauseAssigned = pauseAssigned;
        this.thread = new Thread(() -> run(topic), "consumer-" + config.get(ConsumerConfig.CLIENT_ID_CONFIG));
        thread.setDaemon(true);
    }

    /** Short sessions and heartbeats so rebalances take seconds, not the defaults' minutes. */
    static Map<String, Object> config(String bootstrap, String group, String clientId) {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, 6_000);
        config.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, 200);
        config.put(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG, 15_000);
        config.put(ConsumerConfig.REQUEST_TIMEOUT_MS_CONFIG, 20_000);
        config.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 20_000);
        return config;
    }

    static ConsumerLoop start(Map<String, Object> config, String topic, boolean pauseAssigned) {
        ConsumerLoop loop = new ConsumerLoop(config, topic, pauseAssigned);
        loop.thread.start();
        return loop;
    }

    private void run(String topic) {
        try {
            consumer.subscribe(List.of(topic), new ConsumerRebalanceListener() {
                @Override
                public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                    if (!pauseAssigned && !partitions.isEmpty()) {
                        consumer.commitSync();
                    }
                    Set<TopicPartition> now = new HashSet<>(assigned);
                    now.removeAll(partitions);
                    assigned = Set.copyOf(now);
                }

                @Override
                public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                    if (pauseAssigned) {
                        consumer.pause(partitions);
                    }
                    assigned = Set.copyOf(consumer.assignment());
                    rebalances++;
                }
            });
            while (!stopping) {
                for (Runnable task = tasks.poll(); task != null; task = tasks.poll()) {
                    task.run();
                }
                consumer.poll(Duration.ofMillis(100)).forEach(received::add);
            }
        } catch (Throwable t) {
            failure = t;
        } finally {
            consumer.close(org.apache.kafka.clients.consumer.CloseOptions.timeout(Duration.ofSeconds(10)));
        }
    }

    /** Runs {@code call} on the consumer's thread and returns its result. */
    <T> T call(Function<KafkaConsumer<String, String>, T> call) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        tasks.add(() -> {
            try {
                result.complete(call.apply(consumer));
            } catch (Throwable t) {
                result.completeExceptionally(t);
            }
        });
        return result.get(30, TimeUnit.SECONDS);
    }

    /** The partitions assigned to this member right now. */
    Set<TopicPartition> assigned() {
        return assigned;
    }

    /** How many assignments this member has received. */
    int rebalances() {
        return rebalances;
    }

    List<ConsumerRecord<String, String>> received() {
        return List.copyOf(received);
    }

    /** The poll loop's unexpected exception, or null. */
    Throwable failure() {
        return failure;
    }

    /** Fails the test at once when the poll loop died (waiting for a rebalance would only time out). */
    void assertAlive() {
        if (failure != null) {
            throw new AssertionError(thread.getName() + " failed", failure);
        }
    }

    /** Leaves the group (LeaveGroup) and closes the consumer. */
    @Override
    public void close() throws InterruptedException {
        stopping = true;
        thread.join(30_000);
    }
}
