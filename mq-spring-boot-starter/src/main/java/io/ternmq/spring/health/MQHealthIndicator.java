package io.ternmq.spring.health;

import io.ternmq.client.admin.AdminClient;
import io.ternmq.spring.listener.MQListenerContainers.ContainerInfo;
import io.ternmq.spring.support.ConsumerLagReader;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Health of the application's TernMQ side, reported as {@code mq}:
 * <ul>
 *   <li><b>DOWN</b> when the broker does not answer a status request (within {@code mq.request-timeout}), or when a
 *       listener container that should run is not running: one that started with the context or was started at
 *       runtime and was not stopped on purpose since (paused containers and containers stopped through the
 *       registry do not count);</li>
 *   <li><b>OUT_OF_SERVICE</b> when a listener group's lag is above {@code mq.health.lag-threshold};</li>
 *   <li><b>UP</b> otherwise.</li>
 * </ul>
 * Details: {@code broker} (address, version, writable), {@code listeners} (id → running, paused or stopped) and
 * {@code lag} (group → messages not yet consumed).
 */
public class MQHealthIndicator implements HealthIndicator {
    private final AdminClient admin;
    private final String brokerAddress;
    private final ConsumerLagReader lagReader;
    private final Supplier<List<ContainerInfo>> containers;
    private final long lagThreshold;

    /**
     * @param containers         the listener containers (empty without listeners)
     * @param lagThreshold       lag above which a group is OUT_OF_SERVICE
     */
    public MQHealthIndicator(AdminClient admin, String brokerAddress, Supplier<List<ContainerInfo>> containers,
                             long lagThreshold) {
        this.admin = Objects.requireNonNull(admin, "admin");
        this.brokerAddress = brokerAddress;
        this.lagReader = new ConsumerLagReader(admin);
        this.containers = Objects.requireNonNull(containers, "containers");
        this.lagThreshold = lagThreshold;
    }

    @Override
    public Health health() {
        Map<String, Object> broker = new LinkedHashMap<>();
        broker.put("address", brokerAddress);
        Map<String, String> status;
        try {
            status = admin.brokerStatus();
        } catch (RuntimeException e) {
            broker.put("reachable", false);
            return Health.down(e).withDetail("broker", broker).build();
        }
        broker.put("reachable", true);
        broker.put("version", status.get("version"));
        broker.put("writable", Boolean.parseBoolean(status.getOrDefault("writable", "true")));

        Status result = Status.UP;
        List<ContainerInfo> infos = containers.get();
        Map<String, String> listeners = new LinkedHashMap<>();
        Set<String> groups = new LinkedHashSet<>();
        for (ContainerInfo c : infos) {
            String state = !c.running() ? "stopped" : c.paused() ? "paused" : "running";
            listeners.put(c.id(), state);
            groups.add(c.group());
            if (!c.running() && c.shouldRun()) {
                result = Status.DOWN;
            }
        }
        Map<String, Object> lag = new LinkedHashMap<>();
        for (String group : groups) {
            try {
                long groupLag = lagReader.lag(group);
                lag.put(group, groupLag);
                if (groupLag > lagThreshold && result == Status.UP) {
                    result = Status.OUT_OF_SERVICE;
                }
            } catch (RuntimeException e) {
                lag.put(group, "unknown: " + e.getMessage());
            }
        }
        Health.Builder health = Health.status(result).withDetail("broker", broker);
        if (!infos.isEmpty()) {
            health.withDetail("listeners", listeners).withDetail("lag", lag).withDetail("lagThreshold", lagThreshold);
        }
        return health.build();
    }
}
