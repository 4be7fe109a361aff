package io.ternmq.spring.testing;

import io.ternmq.client.ClientConfig;
import io.ternmq.client.Message;
import io.ternmq.client.consumer.ConsumeFromWhere;
import io.ternmq.client.consumer.ConsumeStatus;
import io.ternmq.client.consumer.MessageExt;
import io.ternmq.client.consumer.PushConsumer;
import io.ternmq.client.producer.Producer;
import io.ternmq.spring.support.MQHeaders;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * The replying side of request-reply written with the plain client, the way a {@code @MQListener} that returns a
 * value replies: it sends the answer to the request's {@code mq_replyTo} topic with the request's
 * {@code mq_correlationId}. Close it after the test.
 */
public final class Responder implements AutoCloseable {
    private final Producer producer;
    private final PushConsumer consumer;
    private final AtomicInteger answered = new AtomicInteger();

    /** Answers every request on {@code topic} with {@code answer(request body)} as the reply body. */
    public Responder(String address, String topic, Function<String, String> answer) {
        producer = Producer.builder().brokerAddress(address).producerGroup(TestTopics.unique("responder")).build();
        producer.start();
        consumer = PushConsumer.builder()
                .clientConfig(ClientConfig.builder().brokerAddress(address).heartbeatInterval(Duration.ofMillis(500))
                        .build())
                .consumerGroup(TestTopics.unique("responder")).subscribe(topic, "*")
                .consumeFromWhere(ConsumeFromWhere.FIRST_OFFSET).pullMaxWait(Duration.ofMillis(500))
                .rebalanceInterval(Duration.ofSeconds(1)).build();
        consumer.registerListener((msgs, ctx) -> {
            msgs.forEach(request -> reply(request, answer));
            return ConsumeStatus.CONSUME_SUCCESS;
        });
        consumer.start();
    }

    private void reply(MessageExt request, Function<String, String> answer) {
        String replyTo = request.property(MQHeaders.REPLY_TO);
        String correlationId = request.property(MQHeaders.CORRELATION_ID);
        if (replyTo == null || correlationId == null) {
            return;
        }
        // counted before the send: the requester may read the reply before send() returns here
        answered.incrementAndGet();
        producer.send(Message.builder().topic(replyTo).body(answer.apply(request.bodyAsString()))
                .property(MQHeaders.CORRELATION_ID, correlationId).build());
    }

    /** Replies sent so far. */
    public int answered() {
        return answered.get();
    }

    @Override
    public void close() {
        consumer.shutdown();
        producer.close();
    }
}
