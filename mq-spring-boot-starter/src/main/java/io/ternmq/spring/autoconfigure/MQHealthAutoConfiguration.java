package io.ternmq.spring.autoconfigure;

import io.ternmq.client.ClientConfig;
import io.ternmq.client.admin.AdminClient;
import io.ternmq.spring.health.MQHealthIndicator;
import io.ternmq.spring.listener.MQListenerContainers;
import io.ternmq.spring.listener.MQListenerContainers.ContainerInfo;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;

import java.util.ArrayList;
import java.util.List;

/**
 * The {@code mq} health indicator: broker reachable, listeners running, lag under the threshold. Active when
 * spring-boot-health is on the class path, unless {@code management.health.mq.enabled=false} or
 * {@code mq.enabled=false}.
 */
@AutoConfiguration(after = {MQAutoConfiguration.class, MQListenerAutoConfiguration.class})
@ConditionalOnClass(HealthIndicator.class)
@ConditionalOnBean({AdminClient.class, ClientConfig.class})
@ConditionalOnBooleanProperty(name = "mq.enabled", matchIfMissing = true)
public class MQHealthAutoConfiguration {

    /**
     * Named {@code mqHealthIndicator}, so Boot lists it as {@code mq}. The enabled-condition sits here rather than
     * on the class: Spring loads every condition of a class before evaluating any, and this one's condition class
     * exists only with spring-boot-health, which the class-level {@code @ConditionalOnClass} checks first.
     */
    @Bean
    @ConditionalOnEnabledHealthIndicator("mq")
    @ConditionalOnMissingBean(name = "mqHealthIndicator")
    public MQHealthIndicator mqHealthIndicator(AdminClient admin, ClientConfig clientConfig, MQProperties properties,
                                               ObjectProvider<MQListenerContainers> containers) {
        return new MQHealthIndicator(admin, clientConfig.brokerAddress(), () -> {
            List<ContainerInfo> all = new ArrayList<>();
            containers.orderedStream().forEach(c -> all.addAll(c.containers()));
            return all;
        }, properties.getHealth().getLagThreshold());
    }
}
