package io.ternmq.client.perf;

import io.ternmq.client.ClientConfig;
import io.ternmq.client.Message;
import io.ternmq.client.MessageQueue;
import io.ternmq.client.consumer.PullConsumer;
import io.ternmq.client.consumer.PullResult;
import io.ternmq.client.producer.Producer;
import io.ternmq.test.EmbeddedBroker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Not a behaviour test: reads back 1 KiB messages of one queue with a {@link PullConsumer} at several pull sizes,
 * stored one message per entry and in batches. Run with {@code ./mvnw -o -pl mq-client -am test
 * -Dtest=ConsumeThroughputProbeTest -Dclient.probe=true -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@EnabledIfSystemProperty(named = "client.probe", matches = "true")
class ConsumeThroughputProbeTest {
    private static final int MESSAGES = 200_000;

    @Test
    void pullThroughputBySizeAndEntryShape() throws Exception {
        try (EmbeddedBroker broker = EmbeddedBroker.builder().start()) {
            String singles = fill(broker, 1);
            String batches = fill(broker, 64);
            for (int round = 0; round < 2; round++) {
                for (int pull : new int[]{32, 256}) {
                    consume(broker, singles, "single", pull, round);
                    consume(broker, batches, "batch64", pull, round);
                }
            }
        }
    }

    private static String fill(EmbeddedBroker broker, int batch) {
        String topic = "consume-" + batch + "-" + System.nanoTime();
        byte[] body = new byte[1024];
        try (Producer producer = Producer.builder().brokerAddress(broker.address()).producerGroup("fill")
                .batching(false).build()) {
            producer.start();
            List<CompletableFuture<?>> window = new ArrayList<>();
            for (int i = 0; i < MESSAGES; i += batch) {
                List<Message> msgs = new ArrayList<>();
                for (int j = 0; j < batch; j++) {
                    msgs.add(Message.builder().topic(topic).body(body).build());
                }
                window.add(batch == 1
                        ? producer.sendOrderlyAsync(msgs.get(0), 0, (qs, m, a) -> qs.get(0))
                        : producer.sendBatchAsync(msgs));
                if (window.size() >= 64) {
                    window.forEach(CompletableFuture::join);
                    window.clear();
                }
            }
            window.forEach(CompletableFuture::join);
        }
        return topic;
    }

    private static void consume(EmbeddedBroker broker, String topic, String shape, int pullSize, int round)
            throws Exception {
        try (PullConsumer consumer = PullConsumer.builder()
                .clientConfig(ClientConfig.builder().brokerAddress(broker.address()).build())
                .consumerGroup("probe-" + System.nanoTime()).build()) {
            consumer.start();
            List<MessageQueue> queues = new ArrayList<>();
            for (int q = 0; q < 4; q++) {
                queues.add(new MessageQueue(topic, q));
            }
            long received = 0;
            long t0 = System.nanoTime();
            for (MessageQueue mq : queues) {
                long offset = 0;
                while (true) {
                    PullResult r = consumer.pull(mq, offset, pullSize, Duration.ZERO);
                    if (r.messages().isEmpty()) {
                        break;
                    }
                    received += r.messages().size();
                    offset = r.nextOffset();
                }
            }
            double secs = (System.nanoTime() - t0) / 1e9;
            System.out.printf("PROBE consume round=%d shape=%s pull=%d msgs=%d msg/s=%.0f%n", round, shape, pullSize,
                    received, received / secs);
        }
    }
}
