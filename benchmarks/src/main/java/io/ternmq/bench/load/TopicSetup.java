package io.ternmq.bench.load;

import io.ternmq.client.MessageQueue;
import io.ternmq.client.admin.AdminClient;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Creates the benchmark topics and finds their queues, timing the creation (it matters at 10,000 topics). */
final class TopicSetup {
    private static final int CREATE_PARALLELISM = 8;

    private final LoadOptions options;
    private final AdminClient admin;
    private final PrintStream out;

    TopicSetup(LoadOptions options, AdminClient admin, PrintStream out) {
        this.options = options;
        this.admin = admin;
        this.out = out;
    }

    /**
     * Creates (or updates) every topic with {@code --queues} queues, {@link #CREATE_PARALLELISM} requests at a
     * time (each create is a round trip plus a metadata write on the broker, which adds up at 10,000 topics);
     * returns the seconds it took.
     */
    double createTopics() {
        long start = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(CREATE_PARALLELISM, options.topics));
        try {
            List<Future<?>> creates = new ArrayList<>(options.topics);
            for (int i = 0; i < options.topics; i++) {
                String topic = options.topic(i);
                creates.add(pool.submit(() -> admin.createTopic(topic, options.queues)));
            }
            for (Future<?> f : creates) {
                f.get();
            }
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topics", e);
        } finally {
            pool.shutdownNow();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        out.printf(Locale.ROOT, "created %d topic(s) x %d queue(s) in %.2f s%n", options.topics, options.queues, seconds);
        return seconds;
    }

    /** Every queue of every benchmark topic, as the broker reports them. */
    List<MessageQueue> queues() {
        List<MessageQueue> all = new ArrayList<>();
        for (int i = 0; i < options.topics; i++) {
            all.addAll(admin.queues(options.topic(i)));
        }
        return all;
    }

    /** Splits queues round-robin into {@code parts} non-empty lists (fewer when there are fewer queues). */
    static List<List<MessageQueue>> split(List<MessageQueue> queues, int parts) {
        int n = Math.min(parts, queues.size());
        List<List<MessageQueue>> split = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            split.add(new ArrayList<>());
        }
        for (int i = 0; i < queues.size(); i++) {
            split.get(i % n).add(queues.get(i));
        }
        return split;
    }
}
