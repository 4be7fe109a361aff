package io.ternmq.spring.core;

import io.ternmq.client.producer.SendResult;
import org.springframework.core.ParameterizedTypeReference;

import java.time.Duration;
import java.util.Collection;
import java.util.concurrent.CompletableFuture;

/**
 * Sending with TernMQ from Spring: the operations of {@link MQTemplate}.
 *
 * <p><b>Destination</b>: a topic, or {@code topic:tag} ({@link Destination}).
 * <b>Payload</b>: any object, turned into the body by the application's
 * {@link io.ternmq.spring.support.MQMessageConverter} ({@code byte[]} and {@code String} as they are, everything
 * else as JSON), or a Spring {@link org.springframework.messaging.Message} whose headers travel as user properties
 * ({@link io.ternmq.spring.support.OutboundHeaderMapper}).
 * <b>Options</b>: tag, keys, ordering key, delay, properties and timeout in one {@link SendOptions} value.
 *
 * <p>Bad arguments (a null payload, an unconvertible payload, conflicting options) throw at once. Failures of the
 * send itself are {@link io.ternmq.client.MQClientException}s: thrown by the blocking methods, completing the future
 * of the asynchronous ones; {@link io.ternmq.client.MQClientException#retriable()} tells whether trying again may
 * help.
 */
public interface MQOperations {

    /** Sends {@code payload} and waits for the broker to store it. */
    default SendResult send(String destination, Object payload) {
        return send(destination, payload, SendOptions.defaults());
    }

    /** Sends {@code payload} (an object or a Spring {@code Message<?>}) with options and waits for the broker. */
    SendResult send(String destination, Object payload, SendOptions options);

    /**
     * Sends a Spring message: its payload is converted, {@code mq_tags} and {@code mq_keys} become tag and keys, and
     * its other headers (except {@code id}, {@code timestamp} and {@code mq_*}) travel as user properties.
     */
    default SendResult send(String destination, org.springframework.messaging.Message<?> message,
                            SendOptions options) {
        return send(destination, (Object) message, options);
    }

    /** Sends without blocking. */
    default CompletableFuture<SendResult> sendAsync(String destination, Object payload) {
        return sendAsync(destination, payload, SendOptions.defaults());
    }

    /**
     * Sends without blocking; the future completes on a client thread, so do not block in its callbacks. With a
     * {@link SendOptions#hashKey()}, keep one send per key in flight if their order matters.
     */
    CompletableFuture<SendResult> sendAsync(String destination, Object payload, SendOptions options);

    /** Fire-and-forget with default options; see {@link #sendOneWay(String, Object, SendOptions)}. */
    default void sendOneWay(String destination, Object payload) {
        sendOneWay(destination, payload, SendOptions.defaults());
    }

    /**
     * Fire-and-forget: returns once the request is written, with no answer from the broker and no retry, so the
     * message may be lost. Not with a {@link SendOptions#hashKey()} (one-way sends are not ordered).
     */
    void sendOneWay(String destination, Object payload, SendOptions options);

    /**
     * Sends several payloads as one batch: one request, stored together in one queue with consecutive offsets.
     * The options apply to every message; delayed and ordered batches are not supported.
     *
     * @return the batch's result: comma-separated message ids and the first message's queue offset
     */
    SendResult sendBatch(String destination, Collection<?> payloads, SendOptions options);

    /**
     * Sends as part of the current Spring transaction: the message is delivered if and only if the transaction
     * commits (a half message with a transaction-log row, or an outbox row, as {@code mq.transaction.mode} says).
     *
     * @return the half message's result, or null in outbox mode (the message is sent after the commit)
     * @throws IllegalStateException when transactional messages are not set up (they need a DataSource and
     *                               {@code mq.transaction.enabled=true})
     * @throws org.springframework.transaction.IllegalTransactionStateException when no transaction is active
     */
    SendResult sendInTransaction(String destination, Object payload, SendOptions options);

    /**
     * Request-reply: sends {@code request} with {@code mq_replyTo} and {@code mq_correlationId} properties and waits
     * for the reply, which a {@code @MQListener} method returning a value sends back.
     *
     * @throws ReplyTimeoutException when no reply arrives within {@code timeout}
     */
    default <R> R sendAndReceive(String destination, Object request, Class<R> replyType, Duration timeout) {
        return sendAndReceive(destination, request, SendOptions.defaults(), ParameterizedTypeReference.forType(replyType),
                timeout);
    }

    /**
     * Request-reply with options and a generic reply type, e.g.
     * {@code new ParameterizedTypeReference<List<Order>>() {}}.
     *
     * @param timeout longest wait for the reply, the send included
     * @throws ReplyTimeoutException when no reply arrives within {@code timeout}
     */
    <R> R sendAndReceive(String destination, Object request, SendOptions options,
                         ParameterizedTypeReference<R> replyType, Duration timeout);
}
