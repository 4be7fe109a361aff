package io.ternmq.spring.core;

import io.ternmq.client.MQClientException;
import io.ternmq.client.Message;
import io.ternmq.client.MessageQueueSelector;
import io.ternmq.client.RemotingException;
import io.ternmq.client.consumer.MessageExt;
import io.ternmq.client.producer.Producer;
import io.ternmq.client.producer.SendResult;
import io.ternmq.client.remoting.ResponseErrors;
import io.ternmq.spring.metrics.MQMetrics;
import io.ternmq.spring.support.MQHeaders;
import io.ternmq.spring.support.MQMessageConverter;
import io.ternmq.spring.transaction.TransactionalSender;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.core.ParameterizedTypeReference;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * The {@link MQOperations} implementation on a started {@link Producer}. The auto-configuration builds one named
 * {@code mqTemplate}; it does not own the producer (a bean closed after the listeners stop) but owns its
 * {@link ReplyInbox}, closed with the template.
 *
 * <p>Every send is timed and counted through {@link MQMetrics} ({@link MQMetrics#NOOP} unless Micrometer is set
 * up). Transactional sends are delegated to the {@link TransactionalSender} given with
 * {@link #setTransactionalSender}; request-reply needs a {@link ReplyInbox} ({@link #setReplyInbox}).
 *
 * <p>Thread-safe once configured: configure with the setters before sharing it.
 */
public class MQTemplate implements MQOperations, DisposableBean {
    private final Producer producer;
    private final MQMessageConverter converter;
    private final OutgoingMessageFactory messages;
    private volatile MQMetrics metrics = MQMetrics.NOOP;
    private volatile Supplier<TransactionalSender> transactionalSender = () -> null;
    private volatile ReplyInbox replyInbox;

    /**
     * @param producer  a started producer; the template does not close it
     * @param converter turns payloads into bodies and replies back into objects
     */
    public MQTemplate(Producer producer, MQMessageConverter converter) {
        this.producer = Objects.requireNonNull(producer, "producer");
        this.converter = Objects.requireNonNull(converter, "converter");
        this.messages = new OutgoingMessageFactory(converter);
    }

    /** Where sends are counted and timed. */
    public void setMetrics(MQMetrics metrics) {
        this.metrics = Objects.requireNonNull(metrics, "metrics");
    }

    /**
     * Looked up at every {@link #sendInTransaction} call, and at every send and sendAsync in case it binds plain sends
     * to the current transaction ({@code mq.transaction.bind-plain-sends}); may supply null when transactions are not
     * set up.
     */
    public void setTransactionalSender(Supplier<TransactionalSender> transactionalSender) {
        this.transactionalSender = Objects.requireNonNull(transactionalSender, "transactionalSender");
    }

    /** Enables request-reply; the template closes the inbox when it is destroyed. */
    public void setReplyInbox(ReplyInbox replyInbox) {
        this.replyInbox = replyInbox;
    }

    /** The reply inbox of request-reply, or null when request-reply is not set up. */
    public ReplyInbox getReplyInbox() {
        return replyInbox;
    }

    public Producer getProducer() {
        return producer;
    }

    public MQMessageConverter getMessageConverter() {
        return converter;
    }

    @Override
    public SendResult send(String destination, Object payload, SendOptions options) {
        return await(sendAsync(destination, payload, options));
    }

    @Override
    public CompletableFuture<SendResult> sendAsync(String destination, Object payload, SendOptions options) {
        Destination d = Destination.parse(destination);
        return send(d, messages.create(d, payload, options, Map.of()), options);
    }

    private CompletableFuture<SendResult> send(Destination d, Message message, SendOptions options) {
        String hashKey = options.hashKey();
        TransactionalSender tx = transactionalSender.get();
        if (tx != null && tx.shouldBind()) {
            // mq.transaction.bind-plain-sends inside an active transaction: delivered only if it commits
            return CompletableFuture.completedFuture(tx.sendInTransaction(message, hashKey));
        }
        return timed(d.topic(), 1, options.timeout(), () -> hashKey == null ? producer.sendAsync(message)
                : producer.sendOrderlyAsync(message, hashKey, MessageQueueSelector.byHash()));
    }

    @Override
    public void sendOneWay(String destination, Object payload, SendOptions options) {
        if (options.hashKey() != null) {
            throw new IllegalArgumentException("sendOneWay does not keep order: remove SendOptions.hashKey ('"
                    + options.hashKey() + "') or use send/sendAsync");
        }
        Destination d = Destination.parse(destination);
        Message message = messages.create(d, payload, options, Map.of());
        long start = System.nanoTime();
        boolean ok = false;
        try {
            producer.sendOneWay(message);
            ok = true;
        } finally {
            metrics.sent(d.topic(), 1, ok, Duration.ofNanos(System.nanoTime() - start));
        }
    }

    @Override
    public SendResult sendBatch(String destination, Collection<?> payloads, SendOptions options) {
        if (payloads == null || payloads.isEmpty()) {
            throw new IllegalArgumentException("sendBatch needs at least one payload");
        }
        if (options.delayed() || options.hashKey() != null) {
            throw new IllegalArgumentException("sendBatch supports neither delays nor hashKey (got " + options
                    + "); send such messages one by one");
        }
        Destination d = Destination.parse(destination);
        List<Message> batch = new ArrayList<>(payloads.size());
        for (Object payload : payloads) {
            batch.add(messages.create(d, payload, options, Map.of()));
        }
        return await(timed(d.topic(), batch.size(), options.timeout(), () -> producer.sendBatchAsync(batch)));
    }

    @Override
    public SendResult sendInTransaction(String destination, Object payload, SendOptions options) {
        TransactionalSender sender = transactionalSender.get();
        if (sender == null) {
            throw new IllegalStateException("sendInTransaction needs transactional messages to be set up: add a "
                    + "DataSource (spring-boot-jdbc and a JDBC driver) and keep mq.transaction.enabled=true");
        }
        Destination d = Destination.parse(destination);
        return sender.sendInTransaction(messages.create(d, payload, options, Map.of()), options.hashKey());
    }

    @Override
    @SuppressWarnings("unchecked")
    public <R> R sendAndReceive(String destination, Object request, SendOptions options,
                                ParameterizedTypeReference<R> replyType, Duration timeout) {
        Objects.requireNonNull(replyType, "replyType");
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("sendAndReceive needs a positive timeout, got " + timeout);
        }
        ReplyInbox inbox = replyInbox;
        if (inbox == null) {
            throw new IllegalStateException("request-reply is not set up on this MQTemplate: call setReplyInbox "
                    + "(the auto-configured template has one)");
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        Destination d = Destination.parse(destination);
        String correlationId = UUID.randomUUID().toString();
        Map<String, String> replyHeaders = new LinkedHashMap<>();
        replyHeaders.put(MQHeaders.REPLY_TO, inbox.topic());
        replyHeaders.put(MQHeaders.CORRELATION_ID, correlationId);
        Message message = messages.create(d, request, options, replyHeaders);
        CompletableFuture<MessageExt> reply = inbox.expect(correlationId);
        try {
            await(send(d, message, options));
            MessageExt answer = reply.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            return (R) converter.fromBody(answer.body(), replyType.getType());
        } catch (TimeoutException e) {
            throw new ReplyTimeoutException(d.topic(), inbox.topic(), correlationId, timeout);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the reply to " + correlationId, e);
        } finally {
            inbox.forget(correlationId);
        }
    }

    /**
     * Runs one producer call, bounds its future by {@code timeout} (null: the producer's own) and records it in the
     * metrics once it completes. Failures thrown by the call itself become a failed future.
     */
    private CompletableFuture<SendResult> timed(String topic, int count, Duration timeout,
                                                Supplier<CompletableFuture<SendResult>> call) {
        long start = System.nanoTime();
        CompletableFuture<SendResult> sent;
        try {
            sent = call.get();
        } catch (MQClientException e) {
            sent = CompletableFuture.failedFuture(e);
        }
        // a future of our own: the producer's future must not be completed from outside
        CompletableFuture<SendResult> result = new CompletableFuture<>();
        sent.whenComplete((r, e) -> {
            if (e == null) {
                result.complete(r);
            } else {
                result.completeExceptionally(ResponseErrors.unwrap(e));
            }
        });
        if (timeout != null) {
            CompletableFuture.delayedExecutor(timeout.toNanos(), TimeUnit.NANOSECONDS).execute(() ->
                    result.completeExceptionally(new RemotingException(RemotingException.Kind.TIMEOUT, "no answer "
                            + "from the broker within " + timeout + " for a send to topic '" + topic + "'; the "
                            + "message may still be stored", null)));
        }
        return result.whenComplete((r, e) -> metrics.sent(topic, count, e == null,
                Duration.ofNanos(System.nanoTime() - start)));
    }

    private static SendResult await(CompletableFuture<SendResult> future) {
        try {
            return future.get();
        } catch (ExecutionException e) {
            throw ResponseErrors.unwrap(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RemotingException(RemotingException.Kind.TIMEOUT, "interrupted while waiting for a send", e);
        }
    }

    /** Closes the reply inbox (its consumer and topic), not the producer. */
    @Override
    public void destroy() {
        ReplyInbox inbox = replyInbox;
        if (inbox != null) {
            inbox.close();
        }
    }
}
