package io.ternmq.bench.load;

import io.ternmq.client.MessageQueue;
import io.ternmq.client.admin.AdminClient;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Creates the benchmark topics and finds their queues, timing the creation (it matters at 10,000 topics). */
final class TopicSetup {
    private final LoadOptions options;
    private final AdminClient admin;
    private final PrintStream out;

    TopicSetup(LoadOptions options, AdminClient admin, PrintStream out) {
        this.options = options;
        this.admin = admin;
        this.out = out;
    }

    /** Creates (or updates) every topic with {@code --queues} queues; returns the seconds it took. */
    double createTopics() {
        long start = System.nanoTime();
        for (int i = 0; i < options.topics; i++) {
            admin.createTopic(options.topic(i), options.queues);
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
