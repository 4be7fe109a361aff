package io.ternmq.kafka.server;

import java.util.ArrayDeque;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * Runs one connection's request handlers one after another, in arrival order, on the shared worker pool. Kafka
 * serves a connection's requests in order (it mutes the channel while one is in flight), and clients depend on it
 * beyond the response order: an idempotent producer pipelines up to 5 Produce requests per partition, and if two of
 * them reached the store in the wrong order the second would be refused as OUT_OF_ORDER_SEQUENCE_NUMBER. Handlers
 * only start their work here (a long-poll Fetch registers its wait and returns), so a slow response does not hold
 * up the requests behind it.
 *
 * <p>Thread-safe. At most one task of a connection is in the worker pool's queue at a time; the queue here is bounded
 * by the connection's in-flight cap ({@code kafkaMaxInFlightRequests}).
 */
final class SerialExecutor implements Executor {
    private static final System.Logger LOG = System.getLogger(SerialExecutor.class.getName());

    private final Executor workers;
    private final ArrayDeque<Runnable> tasks = new ArrayDeque<>();
    private boolean scheduled;

    SerialExecutor(Executor workers) {
        this.workers = workers;
    }

    /**
     * Queues a task behind the connection's earlier ones.
     *
     * @throws RejectedExecutionException when the worker pool refuses to take the connection's turn (nothing queued)
     */
    @Override
    public void execute(Runnable task) {
        synchronized (this) {
            tasks.addLast(task);
            if (scheduled) {
                return;
            }
            scheduled = true;
        }
        try {
            workers.execute(this::drain);
        } catch (RejectedExecutionException e) {
            synchronized (this) {
                tasks.remove(task);
                scheduled = false;
            }
            throw e;
        }
    }

    private void drain() {
        while (true) {
            Runnable next;
            synchronized (this) {
                next = tasks.pollFirst();
                if (next == null) {
                    scheduled = false;
                    return;
                }
            }
            try {
                next.run();
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.ERROR, "Kafka request task failed", e);
            }
        }
    }
}
