package io.ternmq.client.producer;

import io.ternmq.client.MQBrokerException;
import io.ternmq.client.MQClientException;
import io.ternmq.client.MessageQueue;
import io.ternmq.client.RemotingException;
import io.ternmq.client.internal.TopicRoute;
import io.ternmq.client.internal.TopicRouteCache;
import io.ternmq.client.remoting.RemotingClient;
import io.ternmq.client.remoting.ResponseErrors;
import io.ternmq.protocol.ErrorCode;
import io.ternmq.protocol.command.Commands;
import io.ternmq.protocol.command.Send;
import io.ternmq.protocol.message.OutgoingMessage;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Sends one prepared message or batch: picks the queue, sends, maps the response to a {@link SendResult}, and retries
 * retriable failures on another queue while attempts and time remain. Everything is asynchronous; the synchronous
 * API waits on the returned future. Thread-safe.
 */
final class MessageSender {
    private final RemotingClient remoting;
    private final TopicRouteCache routes;
    private final String producerGroup;
    private final Duration sendTimeout;
    private final int maxAttempts;

    MessageSender(RemotingClient remoting, TopicRouteCache routes, String producerGroup, Duration sendTimeout,
                  int retryTimes) {
        this.remoting = remoting;
        this.routes = routes;
        this.producerGroup = producerGroup;
        this.sendTimeout = sendTimeout;
        this.maxAttempts = 1 + retryTimes;
    }

    /**
     * What the broker did with one SEND.
     *
     * @param status          SEND_OK, or FLUSH_DISK_TIMEOUT (stored, durability unknown; no offsets then)
     * @param queue           the queue it went to
     * @param baseQueueOffset queue offset of the first message, -1 when unknown
     * @param offsetMsgIds    the broker's id of each message, in order; empty when unknown
     */
    record Delivered(SendStatus status, MessageQueue queue, long baseQueueOffset, List<String> offsetMsgIds) {
    }

    /** One send in progress. */
    private record Attempt(String topic, List<OutgoingMessage> messages, QueueChoice choice,
                           long deadlineNanos, CompletableFuture<Delivered> result) {
    }

    /** Sends one message or a user batch; {@code msgIds} are the UNIQ_KEYs of the messages, comma-separated. */
    CompletableFuture<SendResult> send(String topic, List<OutgoingMessage> messages, String msgIds,
                                       QueueChoice choice) {
        return deliver(topic, messages, choice, System.nanoTime() + sendTimeout.toNanos()).thenApply(d ->
                new SendResult(d.status(), msgIds, d.offsetMsgIds().isEmpty() ? null
                        : String.join(",", d.offsetMsgIds()), d.queue(), d.baseQueueOffset()));
    }

    /**
     * Sends {@code messages} as one SEND, retrying it as a whole on another queue when the choice allows, until
     * {@code deadlineNanos} ({@link System#nanoTime()} based). Fails with an {@link MQClientException}.
     */
    CompletableFuture<Delivered> deliver(String topic, List<OutgoingMessage> messages, QueueChoice choice,
                                         long deadlineNanos) {
        Attempt a = new Attempt(topic, messages, choice, deadlineNanos, new CompletableFuture<>());
        attempt(a, 1, null, null);
        return a.result;
    }

    /**
     * Continues a send whose first attempt failed elsewhere (an entry of a SEND_MULTI): retries on another queue
     * while attempts and time remain, as {@link #deliver} would have after that attempt.
     */
    CompletableFuture<Delivered> retry(String topic, List<OutgoingMessage> messages, QueueChoice choice,
                                       long deadlineNanos, MessageQueue failed, MQClientException error) {
        Attempt a = new Attempt(topic, messages, choice, deadlineNanos, new CompletableFuture<>());
        if (maxAttempts < 2) {
            a.result.completeExceptionally(error);
        } else {
            attempt(a, 2, failed, error);
        }
        return a.result;
    }

    /** The budget for one send including its retries. */
    Duration sendTimeout() {
        return sendTimeout;
    }

    /** Fire-and-forget: no retry, no result; completes when the request is written. */
    CompletableFuture<Void> sendOneWay(String topic, List<OutgoingMessage> messages, QueueChoice choice) {
        return routes.route(topic).thenCompose(route -> {
            MessageQueue mq = choose(route, choice, null);
            return remoting.invokeOneWay(Commands.SEND,
                    new Send.Request(producerGroup, topic, mq.queueId(), messages));
        });
    }

    private void attempt(Attempt a, int attemptNo, MessageQueue lastFailed, MQClientException lastError) {
        long remainingNanos = a.deadlineNanos - System.nanoTime();
        if (remainingNanos <= 0) {
            a.result.completeExceptionally(lastError != null ? lastError : new RemotingException(
                    RemotingException.Kind.TIMEOUT, "send to " + a.topic + " timed out after " + sendTimeout, null));
            return;
        }
        MessageQueue[] chosen = new MessageQueue[1];
        routes.route(a.topic).thenCompose(route -> {
            chosen[0] = choose(route, a.choice, lastFailed);
            return remoting.invoke(Commands.SEND, new Send.Request(producerGroup, a.topic, chosen[0].queueId(),
                    a.messages), Duration.ofNanos(remainingNanos));
        }).whenComplete((response, error) -> {
            if (error == null) {
                a.result.complete(new Delivered(SendStatus.SEND_OK, new MessageQueue(a.topic, response.queueId()),
                        response.baseQueueOffset(), response.messageIds()));
                return;
            }
            MQClientException e = ResponseErrors.unwrap(error);
            if (e instanceof MQBrokerException b && b.errorCode() == ErrorCode.FLUSH_DISK_TIMEOUT) {
                // stored but not known to be on disk: a result, not a failure, and retrying would duplicate it
                a.result.complete(new Delivered(SendStatus.FLUSH_DISK_TIMEOUT, chosen[0], -1, List.of()));
            } else if (e.retriable() && a.choice.retryElsewhere() && attemptNo < maxAttempts) {
                attempt(a, attemptNo + 1, chosen[0], e);
            } else {
                a.result.completeExceptionally(e);
            }
        });
    }

    static MessageQueue choose(TopicRoute route, QueueChoice choice, MessageQueue lastFailed) {
        if (!route.writable()) {
            throw new MQBrokerException(ErrorCode.NO_PERMISSION, "topic " + route.topic() + " is not writable");
        }
        if (route.queues().isEmpty()) {
            throw new MQBrokerException(ErrorCode.QUEUE_NOT_EXIST, "topic " + route.topic() + " has no queues");
        }
        return choice.choose(route.queues(), lastFailed);
    }
}
