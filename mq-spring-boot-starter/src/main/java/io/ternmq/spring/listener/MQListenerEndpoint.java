package io.ternmq.spring.listener;

import io.ternmq.client.consumer.MessageSelector;
import io.ternmq.protocol.message.MessageModel;
import io.ternmq.spring.annotation.ConsumeMode;

import java.lang.reflect.Method;
import java.util.Objects;

/**
 * One {@code @MQListener} method with its attributes resolved (placeholders and SpEL evaluated, strings parsed and
 * checked): what the container factory needs to build a container. Immutable.
 *
 * @param id             unique container id
 * @param bean           the bean to call (a proxy when the bean is proxied)
 * @param method         the method to call on {@code bean} (the proxy's method when proxied)
 * @param source         where the annotation is, for messages, e.g. {@code OrderListener.onOrder}
 * @param transactional  whether the user's method or class is {@code @Transactional} (the idempotency claim then
 *                       joins the method's transaction)
 * @param topic          topic to subscribe
 * @param group          consumer group
 * @param selector       tag or SQL92 selector
 * @param consumeMode    concurrent or orderly
 * @param messageModel   clustering or broadcasting
 * @param concurrency    listener threads, or null for {@code mq.listener.concurrency}
 * @param maxRetries     retries before the DLQ, or null for {@code mq.consumer.max-reconsume-times}
 * @param idempotencyKey SpEL of the business key, or null for none
 * @param autoStartup    whether to start with the context, or null for {@code mq.listener.auto-startup}
 */
public record MQListenerEndpoint(String id, Object bean, Method method, String source, boolean transactional,
                                 String topic, String group, MessageSelector selector, ConsumeMode consumeMode,
                                 MessageModel messageModel, Integer concurrency, Integer maxRetries,
                                 String idempotencyKey, Boolean autoStartup) {
    public MQListenerEndpoint {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(bean, "bean");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(selector, "selector");
        Objects.requireNonNull(consumeMode, "consumeMode");
        Objects.requireNonNull(messageModel, "messageModel");
    }

    @Override
    public String toString() {
        return "MQListenerEndpoint{" + id + ": " + source + ", topic=" + topic + ", group=" + group + ", selector="
                + selector.type() + " '" + selector.expression() + "', " + consumeMode + ", " + messageModel + '}';
    }
}
