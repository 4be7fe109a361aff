package io.ternmq.spring.listener;

import io.ternmq.client.consumer.MessageExt;
import io.ternmq.spring.idempotency.IdempotencyGuard;
import io.ternmq.spring.support.MQMessageConverter;
import org.springframework.messaging.MessageHeaders;
import org.springframework.util.ReflectionUtils;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

/**
 * Calls one listener method for one message: resolves the arguments ({@link ListenerMethodArguments}), runs the
 * method, through the {@link IdempotencyGuard} when the endpoint has an idempotency key, and sends the return value
 * as the reply when the message asks for one ({@link ListenerReplySender}). Failures propagate as exceptions for the
 * container to classify. Thread-safe: calls share nothing but immutable state.
 */
public class MessagingListenerAdapter {
    private final MQListenerEndpoint endpoint;
    private final ListenerMethodArguments arguments;
    private final MQMessageConverter converter;
    private final IdempotencyKeyExpression key;
    private final IdempotencyGuard guard;
    private final ListenerReplySender replies;

    /**
     * @param guard null unless the endpoint has an idempotency key (then required)
     * @throws IllegalStateException naming the method when its parameters or key cannot be supported
     */
    public MessagingListenerAdapter(MQListenerEndpoint endpoint, MQMessageConverter converter, IdempotencyGuard guard,
                                    ListenerReplySender replies) {
        this.endpoint = endpoint;
        this.arguments = ListenerMethodArguments.of(endpoint.method(), endpoint.source());
        this.converter = converter;
        this.key = endpoint.idempotencyKey() == null ? null
                : IdempotencyKeyExpression.parse(endpoint.idempotencyKey(), endpoint.source());
        if (key != null && guard == null) {
            throw new IllegalStateException("@MQListener on " + endpoint.source() + " has an idempotencyKey but "
                    + "there is no IdempotencyGuard bean");
        }
        this.guard = guard;
        this.replies = replies;
        ReflectionUtils.makeAccessible(endpoint.method());
    }

    /**
     * Handles one message.
     *
     * @return {@code PROCESSED} when the method ran, {@code DUPLICATE} when its key was processed before (the method
     *         did not run; acknowledge), {@code IN_PROGRESS} when another consumer holds the key now (redeliver later)
     * @throws RuntimeException whatever resolving the arguments, the method or the reply threw
     */
    public IdempotencyGuard.Outcome onMessage(MessageExt message) {
        MessageHeaders headers = ReceivedMessageHeaders.of(message, endpoint.group());
        ListenerMethodArguments.Delivery delivery = new ListenerMethodArguments.Delivery(message, headers, converter);
        Object[] args = arguments.resolve(delivery);
        if (key == null) {
            replies.replyIfRequested(message, invoke(args));
            return IdempotencyGuard.Outcome.PROCESSED;
        }
        String businessKey = key.evaluate(delivery.payloadForKey(), headers, message);
        Object[] result = new Object[1];
        IdempotencyGuard.Outcome outcome = guard.runOnce(endpoint.group(), businessKey, endpoint.transactional(),
                () -> result[0] = invoke(args));
        if (outcome == IdempotencyGuard.Outcome.PROCESSED) {
            replies.replyIfRequested(message, result[0]);
        }
        return outcome;
    }

    private Object invoke(Object[] args) {
        Method method = endpoint.method();
        try {
            return method.invoke(endpoint.bean(), args);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new ListenerExecutionFailedException(endpoint.source() + " threw " + cause, cause);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot call " + endpoint.source(), e);
        }
    }
}
