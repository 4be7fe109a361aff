package io.ternmq.spring.annotation;

import io.ternmq.protocol.message.MessageModel;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a bean method that consumes the messages of a topic as one member of a consumer group.
 *
 * <pre>{@code
 * @MQListener(topic = "orders", group = "billing", idempotencyKey = "#payload.orderId")
 * void onOrder(Order order, @Header(MQHeaders.KEYS) String keys) { ... }
 * }</pre>
 *
 * <p>String attributes accept {@code ${...}} placeholders and {@code #{...}} SpEL expressions, resolved once at
 * startup. Each annotated method gets its own listener container, registered in the
 * {@code MQListenerEndpointRegistry} under {@link #id()}, where it can be stopped, started, paused and resumed.
 *
 * <p><b>Parameters</b> (in any order): the payload, converted from the body by the parameter's generic type with the
 * application's {@code MQMessageConverter} (JSON by default; {@code String} and {@code byte[]} as is), either
 * unannotated or marked {@link org.springframework.messaging.handler.annotation.Payload @Payload}; headers by
 * name with {@link org.springframework.messaging.handler.annotation.Header @Header} (the {@code mq_*} names of
 * {@code MQHeaders} and the message's user properties, converted to the parameter type);
 * {@link org.springframework.messaging.handler.annotation.Headers @Headers} {@code Map} or
 * {@code MessageHeaders} for all headers; {@code Message<T>} for payload and headers together; the raw
 * {@code io.ternmq.client.consumer.MessageExt}.
 *
 * <p><b>Outcome.</b> Returning normally acknowledges the message. An exception is classified by the
 * {@code ListenerExceptionClassifier}: conversion and argument errors (and configured exception types) send the
 * message straight to the group's dead-letter queue {@code %DLQ%group}; anything else is retried (see
 * {@link #maxRetries()}). A non-void return value is sent as the reply when the message carries the
 * {@code MQHeaders.REPLY_TO} property (request-reply), and ignored otherwise.
 */
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface MQListener {

    /**
     * Id of the listener container, unique in the application; used to find it in the registry at runtime and in
     * the consumer's client id. Default: {@code beanName.methodName}.
     */
    String id() default "";

    /** The topic to consume. */
    String topic();

    /**
     * The consumer group. Members of one group share the topic's messages (clustering) or each get all of them
     * (broadcasting). One group per {@code @MQListener} within an application.
     */
    String group();

    /** How {@link #selectorExpression()} is read. */
    SelectorType selectorType() default SelectorType.TAG;

    /** Which messages of the topic to receive: a tag expression ({@code *} = all) or an SQL92 condition. */
    String selectorExpression() default "*";

    /** Parallel or in queue order. */
    ConsumeMode consumeMode() default ConsumeMode.CONCURRENTLY;

    /** Share the messages among the group's members, or give every member every message. */
    MessageModel messageModel() default MessageModel.CLUSTERING;

    /** Listener threads; default {@code mq.listener.concurrency}. */
    String concurrency() default "";

    /**
     * Redeliveries of a failed message before it goes to {@code %DLQ%group}; default
     * {@code mq.consumer.max-reconsume-times}. -1 leaves it to the group's setting on the broker (16 unless changed)
     * for concurrent listeners, and means "retry for ever" for orderly ones (whose retries happen in place).
     */
    String maxRetries() default "";

    /**
     * SpEL for the message's business key: the method runs at most once per key and group (needs an
     * {@code IdempotencyGuard} bean, i.e. a DataSource and tx-outbox). Variables: {@code #payload} (the converted
     * payload), {@code #headers} (a map of the headers) and {@code #message} (the raw {@code MessageExt}), e.g.
     * {@code #payload.orderId} or {@code #headers['mq_keys']}. Empty = no idempotency.
     */
    String idempotencyKey() default "";

    /** Whether the container starts with the application ({@code true}/{@code false}); default {@code mq.listener.auto-startup}. */
    String autoStartup() default "";
}
