package io.ternmq.spring.listener;

import io.ternmq.client.ClientConfig;
import io.ternmq.client.Message;
import io.ternmq.client.consumer.MessageExt;
import io.ternmq.client.producer.Producer;
import io.ternmq.spring.core.ClientConfigs;
import io.ternmq.spring.support.MQHeaders;
import io.ternmq.spring.support.MQMessageConverter;
import org.springframework.beans.factory.DisposableBean;

import java.util.function.Supplier;

/**
 * The listener side of request-reply: sends a listener method's return value to the topic named by the request's
 * {@link MQHeaders#REPLY_TO} property, with the request's {@link MQHeaders#CORRELATION_ID} copied, the body written
 * by the {@link MQMessageConverter}. A request without {@code REPLY_TO}, or a null return value, sends nothing.
 *
 * <p>The producer is the application's {@link Producer} bean when there is exactly one (the starter's
 * {@code mqProducer}); otherwise one of its own, created at the first reply with client id
 * {@code <client id>@listener-replies} and closed with the context. A failed reply send throws, so the request is
 * retried (at least once, for the reply as for the listener's own work). Thread-safe.
 */
public class ListenerReplySender implements DisposableBean {
    /** Producer group of the starter's own reply producer. */
    public static final String REPLY_PRODUCER_GROUP = "mq-listener-replies";

    private final Supplier<Producer> sharedProducer;
    private final Supplier<ClientConfig> clientConfig;
    private final MQMessageConverter converter;
    private Producer producer;
    private Producer ownProducer;

    /**
     * @param sharedProducer the application's producer, or a supplier of null
     * @param clientConfig   connection settings for the starter's own producer when there is no shared one
     */
    public ListenerReplySender(Supplier<Producer> sharedProducer, Supplier<ClientConfig> clientConfig,
                               MQMessageConverter converter) {
        this.sharedProducer = sharedProducer;
        this.clientConfig = clientConfig;
        this.converter = converter;
    }

    /** Sends {@code result} as the reply to {@code request}, if the request asked for one and there is a result. */
    public void replyIfRequested(MessageExt request, Object result) {
        String replyTo = request.property(MQHeaders.REPLY_TO);
        if (replyTo == null || replyTo.isBlank() || result == null) {
            return;
        }
        Message.Builder reply = Message.builder().topic(replyTo).body(converter.toBody(result));
        String correlationId = request.property(MQHeaders.CORRELATION_ID);
        if (correlationId != null) {
            reply.property(MQHeaders.CORRELATION_ID, correlationId);
        }
        producer().send(reply.build());
    }

    private synchronized Producer producer() {
        if (producer == null) {
            Producer shared = sharedProducer.get();
            if (shared != null) {
                producer = shared;
            } else {
                ownProducer = Producer.builder()
                        .clientConfig(ClientConfigs.forRole(clientConfig.get(), "listener-replies"))
                        .producerGroup(REPLY_PRODUCER_GROUP).build();
                ownProducer.start();
                producer = ownProducer;
            }
        }
        return producer;
    }

    /** Closes the starter's own producer, if it made one; a shared producer belongs to the application. */
    @Override
    public synchronized void destroy() {
        if (ownProducer != null) {
            ownProducer.close();
            ownProducer = null;
            producer = null;
        }
    }
}
