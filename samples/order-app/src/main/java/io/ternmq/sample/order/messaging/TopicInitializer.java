package io.ternmq.sample.order.messaging;

import io.ternmq.client.admin.AdminClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Creates the sample's topics, with 4 queues each, before any listener starts: a consumer only sees a topic created
 * after it started at its next rebalance, and the Kafka consumer needs the partitions to exist.
 */
@Component
class TopicInitializer implements InitializingBean {
    private static final Logger log = LoggerFactory.getLogger(TopicInitializer.class);
    private static final int QUEUES = 4;

    private final AdminClient admin;

    TopicInitializer(AdminClient admin) {
        this.admin = admin;
    }

    @Override
    public void afterPropertiesSet() {
        List<String> existing = admin.listTopics();
        for (String topic : List.of(Topics.ORDERS, Topics.ORDER_STEPS, Topics.PAYMENT_TIMEOUTS)) {
            if (!existing.contains(topic)) {
                admin.createTopic(topic, QUEUES);
                log.info("created topic {} with {} queues", topic, QUEUES);
            }
        }
    }
}
