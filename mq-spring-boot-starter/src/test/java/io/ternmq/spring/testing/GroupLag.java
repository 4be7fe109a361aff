package io.ternmq.spring.testing;

import io.ternmq.client.ClientConfig;
import io.ternmq.client.Message;
import io.ternmq.client.admin.AdminClient;
import io.ternmq.client.consumer.ConsumeFromWhere;
import io.ternmq.client.consumer.ConsumeStatus;
import io.ternmq.client.consumer.PushConsumer;
import io.ternmq.client.producer.Producer;
import io.ternmq.spring.support.ConsumerLagReader;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/** Gives a consumer group a known lag on the broker, with the plain client. */
public final class GroupLag {
    private GroupLag() {
    }

    /**
     * Creates {@code topic}, lets {@code group} consume {@code consumed} messages of it and commit (a consumer that
     * then shuts down), and sends {@code pending} more, so the group's lag is exactly {@code pending}.
     */
    public static void create(String address, String topic, String group, int consumed, int pending) {
        try (AdminClient admin = AdminClient.create(address);
             Producer producer = Producer.builder().brokerAddress(address).producerGroup(TestTopics.unique("lag"))
                     .build()) {
            admin.createTopic(topic, 2);
            producer.start();
            for (int i = 0; i < consumed; i++) {
                producer.send(Message.of(topic, "consumed-" + i));
            }
            AtomicInteger seen = new AtomicInteger();
            PushConsumer consumer = PushConsumer.builder()
                    .clientConfig(ClientConfig.builder().brokerAddress(address).build()).consumerGroup(group)
                    .subscribe(topic, "*").consumeFromWhere(ConsumeFromWhere.FIRST_OFFSET)
                    .pullMaxWait(Duration.ofMillis(300)).persistInterval(Duration.ofMillis(100)).build();
            consumer.registerListener((msgs, ctx) -> {
                seen.addAndGet(msgs.size());
                return ConsumeStatus.CONSUME_SUCCESS;
            });
            consumer.start();
            ConsumerLagReader lag = new ConsumerLagReader(admin);
            Await.until(() -> seen.get() >= consumed && lag.lag(group) == 0,
                    () -> group + " consumed and committed " + consumed + " messages (seen " + seen.get() + ")");
            consumer.shutdown();
            for (int i = 0; i < pending; i++) {
                producer.send(Message.of(topic, "pending-" + i));
            }
            Await.until(() -> lag.lag(group) == pending, () -> group + " lag " + pending + ", is " + lag.lag(group));
        }
    }
}
