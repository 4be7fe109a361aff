/**
 * {@code @MQListener} support, one class per hop: {@link io.ternmq.spring.listener.MQListenerAnnotationBeanPostProcessor}
 * finds annotated methods and resolves them into {@link io.ternmq.spring.listener.MQListenerEndpoint}s; the
 * {@link io.ternmq.spring.listener.MQListenerEndpointRegistry} holds one
 * {@link io.ternmq.spring.listener.MQListenerContainer} per endpoint (built by the
 * {@link io.ternmq.spring.listener.MQListenerContainerFactory}) and runs them with the context; a container wraps one
 * {@code PushConsumer}, whose concurrent or orderly delivery hands each message to the
 * {@link io.ternmq.spring.listener.MessagingListenerAdapter}, which resolves the arguments, calls the method (through
 * the idempotency guard when the endpoint has a key) and sends the reply. Failures are classified by the
 * {@link io.ternmq.spring.listener.ListenerExceptionClassifier} and acted on by the container (retry or dead letter).
 */
package io.ternmq.spring.listener;
