package io.ternmq.sample.order.analytics;

import io.ternmq.sample.order.OrderAppProperties;
import io.ternmq.sample.order.messaging.Topics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * An analytics service as it exists in a Kafka shop: a plain {@link KafkaConsumer} in a consumer group, reading the
 * same {@code orders} topic the native listeners read, through the broker's Kafka port. It uses nothing of TernMQ:
 * the record key is the message's key (the order id), the value its JSON body, and the tag arrives as the
 * {@code ternmq-tags} header.
 *
 * <p>The figures live in memory, so at every partition assignment the consumer reads its partitions from the
 * beginning again; {@link OrderCounts} counts by order id, which makes that harmless. Offsets are still committed,
 * so the group's progress shows in {@code mqadmin consumerProgress -g order-analytics} and in Kafka tools.
 */
@Component
@ConditionalOnBooleanProperty(name = "order-app.analytics.enabled", matchIfMissing = true)
public class OrderAnalytics implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(OrderAnalytics.class);
    private static final String TAG_HEADER = "ternmq-tags";

    private final OrderAppProperties.Analytics settings;
    private final ObjectReader reader;
    private final OrderCounts counts = new OrderCounts();
    private volatile KafkaConsumer<String, String> consumer;
    private volatile Thread poller;

    public OrderAnalytics(OrderAppProperties properties, JsonMapper json) {
        this.settings = properties.analytics();
        // amounts are decimals: 40.00 stays 40.00
        this.reader = json.reader().with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    }

    /** The body of {@code GET /analytics}. */
    public record Report(String bootstrapServers, String group, long recordsRead, List<CustomerStats> customers) {
    }

    public Report report() {
        return new Report(settings.bootstrapServers(), settings.group(), counts.records(), counts.byCustomer());
    }

    @Override
    public synchronized void start() {
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, settings.group(),
                ConsumerConfig.CLIENT_ID_CONFIG, "order-app-analytics",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new StringDeserializer());
        poller = new Thread(this::pollLoop, "order-analytics");
        poller.start();
        log.info("analytics: Kafka consumer of group {} reading {} from {}", settings.group(), Topics.ORDERS,
                settings.bootstrapServers());
    }

    private void pollLoop() {
        KafkaConsumer<String, String> c = consumer;
        try (c) {
            c.subscribe(List.of(Topics.ORDERS), new ConsumerRebalanceListener() {
                @Override
                public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                }

                @Override
                public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                    c.seekToBeginning(partitions);
                }
            });
            while (!Thread.currentThread().isInterrupted()) {
                for (ConsumerRecord<String, String> record : c.poll(Duration.ofMillis(500))) {
                    count(record);
                }
            }
        } catch (WakeupException stopping) {
            // stop() woke the consumer up
        } catch (RuntimeException e) {
            log.error("analytics: the Kafka consumer stopped", e);
        }
    }

    private void count(ConsumerRecord<String, String> record) {
        Header tag = record.headers().lastHeader(TAG_HEADER);
        String type = tag == null ? "" : new String(tag.value(), StandardCharsets.UTF_8);
        try {
            JsonNode event = reader.readTree(record.value());
            String customer = event.path("customer").asString();
            BigDecimal amount = event.path("amount").decimalValue();
            switch (type) {
                case "created" -> counts.created(customer, record.key(), amount);
                case "cancelled" -> counts.cancelled(customer, record.key(), amount);
                default -> counts.other();
            }
        } catch (RuntimeException e) {
            // analytics must not stop on one bad record
            log.warn("analytics: skipped {}-{}@{}: {}", record.topic(), record.partition(), record.offset(),
                    e.getMessage());
        }
    }

    @Override
    public synchronized void stop() {
        Thread t = poller;
        if (t == null) {
            return;
        }
        consumer.wakeup();
        try {
            t.join(Duration.ofSeconds(10).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        poller = null;
    }

    @Override
    public boolean isRunning() {
        return poller != null;
    }
}
