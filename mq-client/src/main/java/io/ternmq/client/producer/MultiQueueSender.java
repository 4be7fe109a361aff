package io.ternmq.client.producer;

import io.ternmq.client.MQBrokerException;
import io.ternmq.client.MQClientException;
import io.ternmq.client.MessageQueue;
import io.ternmq.client.internal.TopicRouteCache;
import io.ternmq.client.remoting.RemotingClient;
import io.ternmq.client.remoting.ResponseErrors;
import io.ternmq.protocol.ErrorCode;
import io.ternmq.protocol.ProtocolVersion;
import io.ternmq.protocol.command.Commands;
import io.ternmq.protocol.command.SendMulti;
import io.ternmq.protocol.message.OutgoingMessage;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Gathers the batches that {@link QueueSendBuffer}s of different queues send at about the same time into one
 * SEND_MULTI, the way each buffer gathers its own queue's messages: at most {@code maxInFlight} requests are in
 * flight on the connection, batches that arrive meanwhile wait and leave together as soon as one completes, so at a
 * low rate nothing waits and under load requests fill up by themselves. Why: with one queue per topic (1,000
 * topics) a buffer never has company, and one SEND per message costs more than the append it carries.
 *
 * <p>Each batch keeps its own future and its own retry: an entry the broker refuses fails (or is retried on
 * another queue, as {@link MessageSender} would) without touching the other entries. Ordering stays with the
 * buffers: an ordered buffer has one batch in flight until its answer, wherever that batch travels, and the broker
 * appends a request's entries in order. A batch that waits alone leaves as a plain SEND; against a broker that did
 * not negotiate SEND_MULTI ({@link ProtocolVersion#SEND_MULTI_SINCE}) every batch does.
 *
 * <p>Thread-safe: the waiting batches and the in-flight count are guarded by {@code this}; sends and completions
 * run outside the lock.
 */
final class MultiQueueSender {
    private final MessageSender sender;
    private final RemotingClient remoting;
    private final TopicRouteCache routes;
    private final String producerGroup;
    private final int maxInFlight;
    private final int maxEntryBytes;
    private final ArrayDeque<Batch> waiting = new ArrayDeque<>();
    private long waitingBytes;
    private int inFlight;

    /** One queue's batch on its way. */
    private record Batch(String topic, MessageQueue queue, List<OutgoingMessage> messages, int bytes,
                         QueueChoice choice, long deadlineNanos, CompletableFuture<MessageSender.Delivered> result) {
    }

    /**
     * @param maxInFlight   SEND_MULTI requests in flight at once on the connection
     * @param maxEntryBytes most body bytes gathered into one request (a larger batch goes alone)
     */
    MultiQueueSender(MessageSender sender, RemotingClient remoting, TopicRouteCache routes, String producerGroup,
                     int maxInFlight, int maxEntryBytes) {
        this.sender = sender;
        this.remoting = remoting;
        this.routes = routes;
        this.producerGroup = producerGroup;
        this.maxInFlight = maxInFlight;
        this.maxEntryBytes = maxEntryBytes;
    }

    /** Same contract as {@link MessageSender#deliver}; the batch may share a request with other queues' batches. */
    CompletableFuture<MessageSender.Delivered> deliver(String topic, List<OutgoingMessage> messages,
                                                       QueueChoice choice, long deadlineNanos) {
        if (remoting.protocolVersion() < ProtocolVersion.SEND_MULTI_SINCE) {
            return sender.deliver(topic, messages, choice, deadlineNanos);
        }
        CompletableFuture<MessageSender.Delivered> result = new CompletableFuture<>();
        routes.route(topic).whenComplete((route, error) -> {
            MessageQueue queue;
            try {
                queue = error == null ? MessageSender.choose(route, choice, null) : null;
            } catch (RuntimeException e) {
                queue = null;
            }
            if (queue == null) { // no route yet: the plain path retries and reports as it always did
                relay(sender.deliver(topic, messages, choice, deadlineNanos), result);
                return;
            }
            int bytes = 0;
            for (OutgoingMessage m : messages) {
                bytes += m.body().length;
            }
            add(new Batch(topic, queue, messages, bytes, choice, deadlineNanos, result));
        });
        return result;
    }

    private void add(Batch batch) {
        List<Batch> request;
        synchronized (this) {
            waiting.add(batch);
            waitingBytes += batch.bytes();
            if (inFlight >= maxInFlight) {
                return;
            }
            request = take();
        }
        dispatch(request);
    }

    /** The waiting batches that fit one request (at least one), marked in flight. Caller holds the lock. */
    private List<Batch> take() {
        List<Batch> request = new ArrayList<>(Math.min(waiting.size(), 256));
        long bytes = 0;
        while (!waiting.isEmpty()) {
            Batch next = waiting.peek();
            if (!request.isEmpty() && bytes + next.bytes() > maxEntryBytes) {
                break;
            }
            request.add(waiting.poll());
            bytes += next.bytes();
        }
        waitingBytes -= bytes;
        inFlight++;
        return request;
    }

    private void dispatch(List<Batch> request) {
        if (request.size() == 1) {
            Batch b = request.get(0);
            sender.deliver(b.topic(), b.messages(), b.choice(), b.deadlineNanos()).whenComplete((d, e) -> {
                requestDone();
                complete(b.result(), d, e);
            });
            return;
        }
        List<SendMulti.Entry> entries = new ArrayList<>(request.size());
        long deadline = Long.MAX_VALUE;
        for (Batch b : request) {
            entries.add(new SendMulti.Entry(b.topic(), b.queue().queueId(), b.messages()));
            deadline = Math.min(deadline, b.deadlineNanos());
        }
        Duration timeout = Duration.ofNanos(Math.max(1, deadline - System.nanoTime()));
        remoting.invoke(Commands.SEND_MULTI, new SendMulti.Request(producerGroup, entries), timeout)
                .whenComplete((response, error) -> {
                    requestDone();
                    for (int i = 0; i < request.size(); i++) {
                        Batch b = request.get(i);
                        if (error != null) {
                            failed(b, ResponseErrors.unwrap(error));
                        } else if (i >= response.results().size()) {
                            failed(b, new MQBrokerException(ErrorCode.SYSTEM_ERROR, "no result for entry " + i));
                        } else {
                            entryDone(b, response.results().get(i));
                        }
                    }
                });
    }

    private void requestDone() {
        List<Batch> next = null;
        synchronized (this) {
            inFlight--;
            if (!waiting.isEmpty()) {
                next = take();
            }
        }
        if (next != null) {
            dispatch(next);
        }
    }

    private void entryDone(Batch b, SendMulti.EntryResult r) {
        if (r.ok()) {
            b.result().complete(new MessageSender.Delivered(SendStatus.SEND_OK, b.queue(), r.baseQueueOffset(),
                    r.messageIds()));
        } else if (r.error() == ErrorCode.FLUSH_DISK_TIMEOUT) {
            // stored but not known to be on disk: a result, as for a SEND, and retrying would duplicate it
            b.result().complete(new MessageSender.Delivered(SendStatus.FLUSH_DISK_TIMEOUT, b.queue(), -1, List.of()));
        } else {
            failed(b, new MQBrokerException(r.error(), r.errorMessage() != null ? r.errorMessage() : r.error().name()));
        }
    }

    private void failed(Batch b, MQClientException e) {
        if (e.retriable() && b.choice().retryElsewhere()) {
            relay(sender.retry(b.topic(), b.messages(), b.choice(), b.deadlineNanos(), b.queue(), e), b.result());
        } else {
            b.result().completeExceptionally(e);
        }
    }

    private static void complete(CompletableFuture<MessageSender.Delivered> result, MessageSender.Delivered d,
                                 Throwable e) {
        if (e != null) {
            result.completeExceptionally(e);
        } else {
            result.complete(d);
        }
    }

    private static void relay(CompletableFuture<MessageSender.Delivered> from,
                              CompletableFuture<MessageSender.Delivered> to) {
        from.whenComplete((d, e) -> complete(to, d, e));
    }
}
