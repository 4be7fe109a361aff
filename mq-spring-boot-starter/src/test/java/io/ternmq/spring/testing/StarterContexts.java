package io.ternmq.spring.testing;

import io.ternmq.spring.autoconfigure.MQAutoConfiguration;
import io.ternmq.spring.autoconfigure.MQHealthAutoConfiguration;
import io.ternmq.spring.autoconfigure.MQMetricsAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** {@link ApplicationContextRunner}s with the starter's core auto-configurations, pointed at a broker. */
public final class StarterContexts {
    private StarterContexts() {
    }

    /** MQAutoConfiguration only. */
    public static ApplicationContextRunner core(String brokerAddress) {
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(MQAutoConfiguration.class))
                .withPropertyValues("mq.broker-address=" + brokerAddress);
    }

    /** MQAutoConfiguration with the metrics and health auto-configurations. */
    public static ApplicationContextRunner all(String brokerAddress) {
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(MQAutoConfiguration.class, MQMetricsAutoConfiguration.class,
                        MQHealthAutoConfiguration.class))
                .withPropertyValues("mq.broker-address=" + brokerAddress);
    }
}
