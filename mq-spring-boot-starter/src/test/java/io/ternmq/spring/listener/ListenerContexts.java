package io.ternmq.spring.listener;

import io.ternmq.spring.autoconfigure.MQAutoConfiguration;
import io.ternmq.spring.autoconfigure.MQListenerAutoConfiguration;
import org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;

import java.util.ArrayList;
import java.util.List;

/**
 * Running application contexts for listener integration tests, as an application has them: the user configurations
 * first, then the placeholder, core and listener auto-configurations. Unlike ApplicationContextRunner, the test owns
 * the context: it may keep it for a whole class or close it from another thread (graceful shutdown).
 */
final class ListenerContexts {
    private ListenerContexts() {
    }

    /** Short timings so tests do not wait for production defaults. */
    static List<String> fastConsumerProperties(String brokerAddress) {
        return List.of("mq.broker-address=" + brokerAddress, "mq.consumer.consume-from-where=FIRST_OFFSET",
                "mq.consumer.pull-max-wait=500ms", "mq.consumer.rebalance-interval=1s",
                "mq.consumer.persist-interval=200ms", "mq.consumer.handover-delay=300ms",
                "mq.consumer.suspend-current-queue-time=200ms", "mq.listener.concurrency=2",
                "mq.listener.shutdown-timeout=10s");
    }

    /** Refreshes a context; the caller closes it. */
    static ConfigurableApplicationContext start(List<String> properties, Class<?>... configurations) {
        AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext();
        TestPropertyValues.of(properties).applyTo(context);
        if (configurations.length > 0) {
            context.register(configurations);
        }
        context.register(PropertyPlaceholderAutoConfiguration.class, MQAutoConfiguration.class,
                MQListenerAutoConfiguration.class);
        context.refresh();
        return context;
    }

    /** Properties plus more. */
    static List<String> with(List<String> properties, String... more) {
        List<String> all = new ArrayList<>(properties);
        all.addAll(List.of(more));
        return all;
    }

    /** The startup failure of a context that must not start, with its whole cause chain in the message. */
    static String startupFailure(List<String> properties, Class<?>... configurations) {
        try (ConfigurableApplicationContext unexpected = start(properties, configurations)) {
            throw new AssertionError("the context started: " + unexpected);
        } catch (RuntimeException e) {
            StringBuilder messages = new StringBuilder();
            for (Throwable t = e; t != null; t = t.getCause()) {
                messages.append(t.getMessage()).append("\n");
            }
            return messages.toString();
        }
    }
}
