package io.ternmq.client.consumer;

import java.util.List;

/**
 * Where the pull loop hands pulled messages: {@link ConsumeService} (concurrent listener calls) or
 * {@link OrderlyConsumeService} (one call at a time per queue, in offset order). Implementations are thread-safe.
 */
interface ConsumeDispatcher {
    /** Messages of one process queue, just added to it by a pull. */
    void submit(ProcessQueue pq, List<MessageExt> messages);

    /** Stops taking work and waits up to {@code timeoutMs} for running listener calls. */
    void shutdown(long timeoutMs) throws InterruptedException;
}
