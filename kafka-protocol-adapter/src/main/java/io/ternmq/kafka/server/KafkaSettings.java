package io.ternmq.kafka.server;

import io.ternmq.broker.config.BrokerConfig;
import io.ternmq.broker.config.BrokerConfigKeys;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * The Kafka adapter's settings, read once from the broker's validated configuration (keys {@code kafka*} in
 * {@link BrokerConfigKeys}; see docs/configuration.md).
 *
 * @param enabled                      {@code kafkaEnable}
 * @param bindAddress                  the broker's {@code bindAddress}
 * @param listenPort                   {@code kafkaListenPort}, 0 = ephemeral
 * @param advertisedHost               {@code kafkaAdvertisedHost}, or the broker's advertised host when empty
 * @param advertisedPort               {@code kafkaAdvertisedPort}, 0 = the bound port
 * @param maxRequestSize               {@code kafkaMaxRequestSize}
 * @param maxInFlightRequests          {@code kafkaMaxInFlightRequests}
 * @param connectionsMaxIdleMs         {@code kafkaConnectionsMaxIdleMs}
 * @param saslMechanisms               {@code kafkaSaslMechanisms}, empty = no SASL
 * @param saslUsersFile                {@code kafkaSaslUsersFile}, null when not set
 * @param groupInitialRebalanceDelayMs {@code kafkaGroupInitialRebalanceDelayMs}
 * @param groupMinSessionTimeoutMs     {@code kafkaGroupMinSessionTimeoutMs}
 * @param groupMaxSessionTimeoutMs     {@code kafkaGroupMaxSessionTimeoutMs}
 * @param fetchMaxWaitCapMs            {@code kafkaFetchMaxWaitCapMs}
 * @param ioThreads                    event-loop threads ({@code serverSelectorThreads})
 * @param workerThreads                request handler threads ({@code serverWorkerThreads})
 * @param workerQueueCapacity          requests waiting for a worker ({@code serverWorkerQueueCapacity})
 * @param useEpoll                     {@code useEpollNativeSelector}
 */
public record KafkaSettings(boolean enabled, String bindAddress, int listenPort, String advertisedHost,
                            int advertisedPort, int maxRequestSize, int maxInFlightRequests,
                            long connectionsMaxIdleMs, List<String> saslMechanisms, Path saslUsersFile,
                            int groupInitialRebalanceDelayMs, int groupMinSessionTimeoutMs,
                            int groupMaxSessionTimeoutMs, int fetchMaxWaitCapMs, int ioThreads, int workerThreads,
                            int workerQueueCapacity, boolean useEpoll) {

    public KafkaSettings {
        saslMechanisms = List.copyOf(saslMechanisms);
    }

    /**
     * Reads the settings.
     *
     * @param config               the broker's configuration
     * @param brokerAdvertisedHost the host the broker advertises to native clients
     */
    public static KafkaSettings from(BrokerConfig config, String brokerAdvertisedHost) {
        String host = config.get(BrokerConfigKeys.KAFKA_ADVERTISED_HOST);
        String mechanisms = config.get(BrokerConfigKeys.KAFKA_SASL_MECHANISMS);
        String usersFile = config.get(BrokerConfigKeys.KAFKA_SASL_USERS_FILE);
        return new KafkaSettings(config.get(BrokerConfigKeys.KAFKA_ENABLE), config.get(BrokerConfigKeys.BIND_ADDRESS),
                config.get(BrokerConfigKeys.KAFKA_LISTEN_PORT), host.isEmpty() ? brokerAdvertisedHost : host,
                config.get(BrokerConfigKeys.KAFKA_ADVERTISED_PORT), config.get(BrokerConfigKeys.KAFKA_MAX_REQUEST_SIZE),
                config.get(BrokerConfigKeys.KAFKA_MAX_IN_FLIGHT_REQUESTS),
                config.get(BrokerConfigKeys.KAFKA_CONNECTIONS_MAX_IDLE_MS),
                mechanisms.isBlank() ? List.of()
                        : Arrays.stream(mechanisms.split(",")).map(String::trim).distinct().toList(),
                usersFile.isBlank() ? null : expandHome(usersFile),
                config.get(BrokerConfigKeys.KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS),
                config.get(BrokerConfigKeys.KAFKA_GROUP_MIN_SESSION_TIMEOUT_MS),
                config.get(BrokerConfigKeys.KAFKA_GROUP_MAX_SESSION_TIMEOUT_MS),
                config.get(BrokerConfigKeys.KAFKA_FETCH_MAX_WAIT_CAP_MS),
                config.get(BrokerConfigKeys.SERVER_SELECTOR_THREADS), config.get(BrokerConfigKeys.SERVER_WORKER_THREADS),
                config.get(BrokerConfigKeys.SERVER_WORKER_QUEUE_CAPACITY),
                config.get(BrokerConfigKeys.USE_EPOLL_NATIVE_SELECTOR));
    }

    /** True when connections must authenticate with SASL. */
    public boolean saslEnabled() {
        return !saslMechanisms.isEmpty();
    }

    /** The port clients are told to use, given the port actually bound. */
    public int advertisedPort(int boundPort) {
        return advertisedPort > 0 ? advertisedPort : boundPort;
    }

    private static Path expandHome(String raw) {
        String home = System.getProperty("user.home");
        String expanded = raw.replace("${user.home}", home);
        if (expanded.equals("~") || expanded.startsWith("~/")) {
            expanded = home + expanded.substring(1);
        }
        return Path.of(expanded).toAbsolutePath().normalize();
    }
}
