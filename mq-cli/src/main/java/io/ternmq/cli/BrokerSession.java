package io.ternmq.cli;

import io.ternmq.client.ClientConfig;
import io.ternmq.client.admin.AdminClient;
import io.ternmq.client.consumer.MessageSelector;
import io.ternmq.client.consumer.PullConsumer;
import io.ternmq.client.producer.Producer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The clients one command needs, created on first use with the global options and closed together when the
 * command ends. Not thread-safe: one command, one thread.
 */
final class BrokerSession implements AutoCloseable {
    /** Producer group of messages sent by {@code mqadmin sendMessage}, so they can be told apart. */
    static final String PRODUCER_GROUP = "mqadmin-producer";

    private final ClientConfig config;
    private final List<AutoCloseable> opened = new ArrayList<>();
    private AdminClient admin;
    private Producer producer;

    /** @throws IllegalArgumentException when the address or timeout is malformed (a usage error) */
    BrokerSession(String brokerAddress, Duration timeout) {
        this.config = ClientConfig.builder().brokerAddress(brokerAddress).requestTimeout(timeout).build();
    }

    String brokerAddress() {
        return config.brokerAddress();
    }

    Duration timeout() {
        return config.requestTimeout();
    }

    AdminClient admin() {
        if (admin == null) {
            admin = track(AdminClient.create(config));
        }
        return admin;
    }

    Producer producer() {
        if (producer == null) {
            producer = track(Producer.builder().clientConfig(config).producerGroup(PRODUCER_GROUP)
                    .sendTimeout(config.requestTimeout()).build());
            producer.start();
        }
        return producer;
    }

    /** A started pull consumer of {@code group}; each call makes a new one. */
    PullConsumer pullConsumer(String group) {
        return pullConsumer(group, MessageSelector.all());
    }

    /** A started pull consumer of {@code group} whose pulls the broker filters with {@code selector}. */
    PullConsumer pullConsumer(String group, MessageSelector selector) {
        PullConsumer consumer = track(PullConsumer.builder().clientConfig(config).consumerGroup(group)
                .selector(selector).build());
        consumer.start();
        return consumer;
    }

    private <T extends AutoCloseable> T track(T client) {
        opened.add(client);
        return client;
    }

    /** Closes every client this session opened, newest first; a failure to close does not hide the result. */
    @Override
    public void close() {
        for (int i = opened.size() - 1; i >= 0; i--) {
            try {
                opened.get(i).close();
            } catch (Exception ignored) {
                // the command's outcome is already decided; a lost socket at shutdown changes nothing
            }
        }
        opened.clear();
    }
}
