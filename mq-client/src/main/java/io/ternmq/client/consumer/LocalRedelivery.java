package io.ternmq.client.consumer;

import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Re-delivers failed messages to the listener in this client after a pause, with {@code reconsumeTimes} counted up.
 * The messages keep their place in the process queue, so the committed offset cannot pass them: if this member
 * gives the queue away or crashes, the next owner gets them again. Thread-safe.
 */
final class LocalRedelivery implements ConsumeFailurePolicy {
    private final ScheduledExecutorService scheduler;
    private final long delayMs;

    LocalRedelivery(ScheduledExecutorService scheduler, long delayMs) {
        this.scheduler = scheduler;
        this.delayMs = delayMs;
    }

    @Override
    public void onFailure(ProcessQueue pq, List<MessageExt> messages, ConsumeContext context, ConsumeService service) {
        List<MessageExt> again = messages.stream().map(LocalRedelivery::oneMoreAttempt).toList();
        try {
            scheduler.schedule(() -> service.submit(pq, again), delayMs, TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // shutting down: the messages stay unacknowledged, so the committed offset does not pass them
        }
    }

    private static MessageExt oneMoreAttempt(MessageExt m) {
        return m.withReconsumeTimes(m.reconsumeTimes() + 1);
    }
}
