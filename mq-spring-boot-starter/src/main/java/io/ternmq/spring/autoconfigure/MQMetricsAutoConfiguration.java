package io.ternmq.spring.autoconfigure;

import io.micrometer.core.instrument.MeterRegistry;
import io.ternmq.client.admin.AdminClient;
import io.ternmq.spring.listener.MQListenerContainers;
import io.ternmq.spring.metrics.ConsumerLagMeters;
import io.ternmq.spring.metrics.MQMetrics;
import io.ternmq.spring.metrics.MicrometerMQMetrics;
import io.ternmq.spring.support.ConsumerLagReader;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

import java.util.Collection;
import java.util.LinkedHashSet;

/**
 * Micrometer meters for sends, consumption, retries, dead letters, duplicates and lag. Active when Micrometer is on
 * the class path and the application has a {@link MeterRegistry} bean (Boot's metrics auto-configuration or its
 * own), unless {@code mq.metrics.enabled=false} or {@code mq.enabled=false}.
 */
@AutoConfiguration(after = MQAutoConfiguration.class, afterName = {
        "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
        "org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration"})
@ConditionalOnClass(MeterRegistry.class)
@ConditionalOnBean(MeterRegistry.class)
@ConditionalOnBooleanProperty(name = "mq.enabled", matchIfMissing = true)
@ConditionalOnBooleanProperty(name = "mq.metrics.enabled", matchIfMissing = true)
public class MQMetricsAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    public MQMetrics mqMetrics(MeterRegistry registry) {
        return new MicrometerMQMetrics(registry);
    }

    /** The {@code mq.consumer.lag} gauge of every listener group (none without listeners). */
    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBean(AdminClient.class)
    public ConsumerLagMeters mqConsumerLagMeters(MeterRegistry registry, AdminClient admin,
                                                 ObjectProvider<MQListenerContainers> containers,
                                                 MQProperties properties) {
        return new ConsumerLagMeters(registry, new ConsumerLagReader(admin), () -> listenerGroups(containers),
                properties.getMetrics().getLagPollInterval());
    }

    private static Collection<String> listenerGroups(ObjectProvider<MQListenerContainers> containers) {
        Collection<String> groups = new LinkedHashSet<>();
        containers.orderedStream().forEach(c -> c.containers().forEach(info -> groups.add(info.group())));
        return groups;
    }
}
