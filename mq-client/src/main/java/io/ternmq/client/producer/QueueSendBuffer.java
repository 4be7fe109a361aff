package io.ternmq.client.producer;

import io.ternmq.client.MQClientException;
import io.ternmq.client.remoting.ResponseErrors;
import io.ternmq.protocol.ErrorCode;
import io.ternmq.protocol.message.OutgoingMessage;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The messages of one queue waiting to be sent, and the SENDs of that queue in flight. Rules:
 * <ul>
 *   <li>At most {@code maxInFlight} SENDs per buffer are in flight; what arrives meanwhile waits and goes out as
 *   one batch as soon as one completes. So under load batches form by themselves, and at a low rate nothing waits
 *   (with linger 0). More than one in flight keeps concurrent synchronous senders from waiting a whole round trip
 *   (with SYNC_FLUSH: an fsync) behind each other's batch.</li>
 *   <li>With nothing in flight, a message waits up to {@code linger} for company, unless the batch is already
 *   full ({@code maxMessages} or {@code maxBytes} of bodies).</li>
 *   <li>A batch is one SEND, stored as one entry with consecutive queue offsets; each message gets its own result
 *   (its UNIQ_KEY, its broker id, base offset + index). A failed batch (after any retry on another queue) fails
 *   every message in it with the same exception.</li>
 * </ul>
 * Ordered buffers have one in flight, which keeps FIFO: batch k+1 leaves only after batch k has its answer, so an
 * ordered (not retried) buffer stores its messages in send order.
 *
 * <p>Thread-safe: state is guarded by {@code this}; sends and completions run outside the lock.
 */
final class QueueSendBuffer {
    private final String topic;
    private final QueueChoice choice;
    private final MessageSender sender;
    private final MultiQueueSender multi;
    private final SendBatcher.Settings settings;
    private final ScheduledExecutorService lingerTimer;
    private final int maxInFlight;
    private final ArrayDeque<PendingSend> pending = new ArrayDeque<>();
    private long pendingBytes;
    private int inFlight;
    private boolean lingerArmed;
    private boolean closed;

    /** @param maxInFlight SENDs of this buffer in flight at once; 1 keeps FIFO (ordered sends) */
    QueueSendBuffer(String topic, QueueChoice choice, MessageSender sender, MultiQueueSender multi,
                    SendBatcher.Settings settings, ScheduledExecutorService lingerTimer, int maxInFlight) {
        this.multi = multi;
        this.maxInFlight = maxInFlight;
        this.topic = topic;
        this.choice = choice;
        this.sender = sender;
        this.settings = settings;
        this.lingerTimer = lingerTimer;
    }

    void add(PendingSend send) {
        List<PendingSend> batch;
        synchronized (this) {
            if (closed) {
                send.result().completeExceptionally(closedError());
                return;
            }
            pending.add(send);
            pendingBytes += send.bytes();
            if (inFlight >= maxInFlight) {
                return;
            }
            if (inFlight == 0 && settings.lingerNanos() > 0 && !full()) {
                armLinger();
                return;
            }
            batch = take();
        }
        dispatch(batch);
    }

    private boolean full() {
        return pending.size() >= settings.maxMessages() || pendingBytes >= settings.maxBytes();
    }

    private void armLinger() {
        if (!lingerArmed) {
            lingerArmed = true;
            lingerTimer.schedule(this::lingerExpired, settings.lingerNanos(), TimeUnit.NANOSECONDS);
        }
    }

    private void lingerExpired() {
        List<PendingSend> batch;
        synchronized (this) {
            lingerArmed = false;
            if (inFlight >= maxInFlight || pending.isEmpty()) {
                return;
            }
            batch = take();
        }
        dispatch(batch);
    }

    /** Takes the next batch (at least one message) and marks it in flight. Caller holds the lock. */
    private List<PendingSend> take() {
        List<PendingSend> batch = new ArrayList<>(Math.min(pending.size(), settings.maxMessages()));
        long bytes = 0;
        while (!pending.isEmpty() && batch.size() < settings.maxMessages()) {
            PendingSend next = pending.peek();
            if (!batch.isEmpty() && bytes + next.bytes() > settings.maxBytes()) {
                break;
            }
            batch.add(pending.poll());
            bytes += next.bytes();
        }
        pendingBytes -= bytes;
        inFlight++;
        return batch;
    }

    private void dispatch(List<PendingSend> batch) {
        List<OutgoingMessage> messages = new ArrayList<>(batch.size());
        for (PendingSend p : batch) {
            messages.add(p.message());
        }
        long deadline = batch.get(0).enqueuedNanos() + sender.sendTimeout().toNanos();
        multi.deliver(topic, messages, choice, deadline).whenComplete((delivered, error) -> {
            List<PendingSend> next = null;
            synchronized (this) {
                inFlight--;
                if (!pending.isEmpty() && !closed) {
                    next = take(); // these already waited for the answer: no linger
                }
            }
            if (next != null) {
                dispatch(next);
            }
            complete(batch, delivered, error);
        });
    }

    private static void complete(List<PendingSend> batch, MessageSender.Delivered d, Throwable error) {
        if (error != null) {
            MQClientException e = ResponseErrors.unwrap(error);
            for (PendingSend p : batch) {
                p.result().completeExceptionally(e);
            }
            return;
        }
        List<String> ids = d.offsetMsgIds();
        for (int i = 0; i < batch.size(); i++) {
            PendingSend p = batch.get(i);
            p.result().complete(new SendResult(d.status(), p.uniqKey(), i < ids.size() ? ids.get(i) : null,
                    d.queue(), d.baseQueueOffset() < 0 ? -1 : d.baseQueueOffset() + i));
        }
    }

    /** Fails everything not yet sent; later adds fail at once. The SEND in flight completes on its own. */
    void close() {
        List<PendingSend> dropped;
        synchronized (this) {
            closed = true;
            dropped = new ArrayList<>(pending);
            pending.clear();
            pendingBytes = 0;
        }
        MQClientException e = closedError();
        dropped.forEach(p -> p.result().completeExceptionally(e));
    }

    private static MQClientException closedError() {
        return new MQClientException(ErrorCode.SERVICE_NOT_AVAILABLE, "producer closed before the message was sent");
    }
}
