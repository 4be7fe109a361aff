package io.ternmq.broker.config;

import io.ternmq.broker.delay.DelayLevels;
import io.ternmq.broker.store.FlushDiskType;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Every configuration key of the broker, in documentation order. Names follow RocketMQ's {@code broker.conf} where
 * the concept is the same; the rest are ours. {@code docs/configuration.md} and {@code distribution/conf/broker.conf}
 * are generated from this class ({@link ConfigDocRenderer}).
 */
public final class BrokerConfigKeys {
    private static final List<ConfigKey<?>> ALL = new ArrayList<>();
    private static final Pattern HOURS = Pattern.compile("([01]?\\d|2[0-3])(;([01]?\\d|2[0-3]))*");
    private static final int MIB = 1024 * 1024;

    // --- identity and network
    public static final ConfigKey<String> BROKER_NAME = define("brokerName", ConfigType.STRING, "broker-a",
            "1-127 characters of [A-Za-z0-9_.-]", s -> s.matches("[A-Za-z0-9_.-]{1,127}"),
            "Name of this broker, shown to clients and in the logs.");
    public static final ConfigKey<String> BROKER_IP1 = define("brokerIP1", ConfigType.STRING, "",
            "empty (auto-detect) or a host name or IP address", s -> !s.contains(" ") && !s.contains(":"),
            "Host advertised to clients in topic routes and stored as the store host of messages. "
                    + "Empty picks the first non-loopback IPv4 address, else 127.0.0.1.");
    public static final ConfigKey<String> BIND_ADDRESS = define("bindAddress", ConfigType.STRING, "0.0.0.0",
            "an IP address or host name of this machine", s -> !s.isEmpty() && !s.contains(" "),
            "Address the native protocol server binds to.");
    public static final ConfigKey<Integer> LISTEN_PORT = intKey("listenPort", 10911, 0, 65535,
            "TCP port of the native protocol. 0 binds an ephemeral port (tests).");
    public static final ConfigKey<BrokerRole> BROKER_ROLE = define("brokerRole", ConfigType.enumOf(BrokerRole.class),
            BrokerRole.ASYNC_MASTER, "ASYNC_MASTER or SYNC_MASTER (SLAVE: replication is not implemented yet)",
            r -> r != BrokerRole.SLAVE, "Replication role. Only master roles are supported for now.");

    // --- store
    public static final ConfigKey<String> STORE_PATH_ROOT_DIR = define("storePathRootDir", ConfigType.STRING,
            "${user.home}/store", "a directory path; ${user.home} and a leading ~ are expanded",
            s -> !s.isBlank(),
            "Root directory of the store: commitlog/, consumequeue/, index/ and config/ (topics, offsets, groups).");
    public static final ConfigKey<FlushDiskType> FLUSH_DISK_TYPE = define("flushDiskType",
            ConfigType.enumOf(FlushDiskType.class), FlushDiskType.ASYNC_FLUSH, "ASYNC_FLUSH or SYNC_FLUSH", t -> true,
            "ASYNC_FLUSH acks once the write is in the page cache and fsyncs periodically; SYNC_FLUSH acks after "
                    + "fsync (group commit).");
    public static final ConfigKey<Integer> FLUSH_INTERVAL_COMMIT_LOG = intKey("flushIntervalCommitLog", 500, 1,
            60_000, "ASYNC_FLUSH: milliseconds between background fsyncs of the CommitLog.");
    public static final ConfigKey<Long> SYNC_FLUSH_TIMEOUT = longKey("syncFlushTimeout", 5_000L, 1L, 600_000L,
            "SYNC_FLUSH: milliseconds a send waits for its fsync before answering FLUSH_DISK_TIMEOUT.");
    public static final ConfigKey<Long> MAPPED_FILE_SIZE_COMMIT_LOG = longKey("mappedFileSizeCommitLog", 1L << 30,
            64L * 1024, 1L << 30, "Size in bytes of one CommitLog segment file.");
    public static final ConfigKey<Integer> MAX_MESSAGE_SIZE = intKey("maxMessageSize", 4 * MIB, 1024, 256 * MIB,
            "Largest message body, and largest batch, in bytes. Must be below maxFrameSize.");
    public static final ConfigKey<Boolean> MESSAGE_INDEX_ENABLE = define("messageIndexEnable", ConfigType.BOOLEAN,
            true, "true or false", b -> true, "Index message keys, ids and store times for queries.");
    public static final ConfigKey<Integer> FILE_RESERVED_TIME = intKey("fileReservedTime", 72, 1, 24 * 365 * 10,
            "Hours a CommitLog segment is kept after its last write.");
    public static final ConfigKey<String> DELETE_WHEN = define("deleteWhen", ConfigType.STRING, "04",
            "hours of day 0-23 separated by ';', e.g. 04 or 04;16", s -> HOURS.matcher(s).matches(),
            "Hours of the day when expired segments are deleted.");
    public static final ConfigKey<Integer> DISK_MAX_USED_SPACE_RATIO = intKey("diskMaxUsedSpaceRatio", 75, 10, 95,
            "Percent of disk use above which expired segments are deleted at any hour.");
    public static final ConfigKey<Integer> DISK_SPACE_CLEAN_FORCIBLY_RATIO = intKey("diskSpaceCleanForciblyRatio", 85,
            10, 99, "Percent of disk use above which the oldest segments are deleted even if not expired.");
    public static final ConfigKey<Integer> DISK_SPACE_WARNING_LEVEL_RATIO = intKey("diskSpaceWarningLevelRatio", 90,
            10, 99, "Percent of disk use above which sends are rejected with DISK_FULL; reads go on.");

    // --- topics and groups
    public static final ConfigKey<Integer> DEFAULT_TOPIC_QUEUE_NUMS = intKey("defaultTopicQueueNums", 8, 1, 1024,
            "Queue count of topics created automatically on first send.");
    public static final ConfigKey<Boolean> AUTO_CREATE_TOPIC_ENABLE = define("autoCreateTopicEnable",
            ConfigType.BOOLEAN, true, "true or false", b -> true,
            "Create a topic on the first send to it (with defaultTopicQueueNums queues). Turn off in production.");
    public static final ConfigKey<Boolean> AUTO_CREATE_SUBSCRIPTION_GROUP = define("autoCreateSubscriptionGroup",
            ConfigType.BOOLEAN, true, "true or false", b -> true,
            "Create a consumer (subscription) group on its first heartbeat or pull.");
    public static final ConfigKey<Integer> FLUSH_CONSUMER_OFFSET_INTERVAL = intKey("flushConsumerOffsetInterval",
            5_000, 100, 600_000, "Milliseconds between writes of changed consumer offsets to disk.");
    public static final ConfigKey<Long> REBALANCE_LOCK_MAX_LIVE_TIME = longKey("rebalanceLockMaxLiveTime", 60_000L,
            100L, 3_600_000L, "Orderly consumption: milliseconds a queue lock (LOCK_QUEUES) lasts unless its holder "
                    + "renews it. A holder that leaves its group or loses its connection loses its locks at once. "
                    + "Keep it above the clients' lock validity (30 s by default).");

    // --- delayed messages, retry and dead letters
    public static final ConfigKey<String> MESSAGE_DELAY_LEVEL = define("messageDelayLevel", ConfigType.STRING,
            DelayLevels.DEFAULT, "1-64 space-separated durations with unit s, m, h or d",
            s -> DelayLevels.problem(s).isEmpty(),
            "Delay levels 1, 2, ... of the DELAY property and of retries (a retry waits level 3 + reconsumeTimes). "
                    + "Level n is stored in schedule queue n-1: removing levels strands nothing but changes delays.");
    public static final ConfigKey<Long> TIMER_MAX_DELAY_SEC = longKey("timerMaxDelaySec", 259_200L, 1L, 2_592_000L,
            "Longest delay, in seconds, of a message with a delivery time (TIMER_DELIVER_MS); later times are "
                    + "rejected with MESSAGE_ILLEGAL. Default 3 days, as RocketMQ. A waiting message is re-stored at every "
                    + "timer hop, so its oldest copy is never older than this; keep it below fileReservedTime.");

    // --- transactional messages
    public static final ConfigKey<Long> TRANSACTION_TIME_OUT = longKey("transactionTimeOut", 6_000L, 10L,
            86_400_000L, "Milliseconds after storing a half message before the first check-back, unless the message's "
                    + "CHECK_IMMUNITY_TIME_IN_SECONDS is longer.");
    public static final ConfigKey<Long> TRANSACTION_CHECK_INTERVAL = longKey("transactionCheckInterval", 30_000L,
            10L, 86_400_000L, "Milliseconds between two check-backs of the same unresolved half message "
                    + "(RocketMQ 5.x default; 4.x used 60000).");
    public static final ConfigKey<Integer> TRANSACTION_CHECK_MAX = intKey("transactionCheckMax", 15, 1, 10_000,
            "Check-backs answered UNKNOWN (or not at all) before a half message is parked in "
                    + "TRANS_CHECK_MAX_TIME_TOPIC for an operator.");

    // --- native protocol server (ours)
    public static final ConfigKey<Integer> MAX_FRAME_SIZE = intKey("maxFrameSize", 16 * MIB, 64 * 1024, 1024 * MIB,
            "Largest native protocol frame in bytes; a bigger frame gets FRAME_TOO_LARGE and the connection is closed.");
    public static final ConfigKey<Long> LONG_POLLING_MAX_WAIT_MS = longKey("longPollingMaxWaitMs", 30_000L, 0L,
            300_000L, "Upper bound on the maxWaitMs of a PULL: longer waits are cut to this. 0 disables long polling.");
    public static final ConfigKey<Integer> LONG_POLLING_MAX_HELD_REQUESTS = intKey("longPollingMaxHeldRequests",
            10_000, 1, 1_000_000, "Most PULL requests held at once; past it, pulls are answered SYSTEM_BUSY.");
    public static final ConfigKey<Integer> CLIENT_CHANNEL_MAX_IDLE_SECONDS = intKey("clientChannelMaxIdleSeconds",
            120, 1, 86_400, "A connection with no traffic either way for this many seconds is closed.");
    public static final ConfigKey<Long> CHANNEL_EXPIRED_TIMEOUT = longKey("channelExpiredTimeout", 120_000L, 100L,
            3_600_000L, "Milliseconds without a HEARTBEAT after which a client is dropped from its groups.");
    public static final ConfigKey<Integer> SERVER_WORKER_THREADS = intKey("serverWorkerThreads", 8, 1, 512,
            "Threads that run request handlers (never the network event loops).");
    public static final ConfigKey<Integer> SERVER_SELECTOR_THREADS = intKey("serverSelectorThreads", 3, 1, 64,
            "Netty event-loop threads for connections.");
    public static final ConfigKey<Integer> SERVER_WORKER_QUEUE_CAPACITY = intKey("serverWorkerQueueCapacity", 10_000,
            1, 1_000_000, "Requests waiting for a worker thread; past it, requests are answered SYSTEM_BUSY.");
    public static final ConfigKey<Boolean> USE_EPOLL_NATIVE_SELECTOR = define("useEpollNativeSelector",
            ConfigType.BOOLEAN, true, "true or false", b -> true,
            "Use Linux epoll when available; otherwise (or when false) Java NIO.");
    public static final ConfigKey<Long> SHUTDOWN_TIMEOUT_MS = longKey("shutdownTimeoutMs", 10_000L, 0L, 600_000L,
            "On shutdown, milliseconds to wait for in-flight requests before closing the store anyway.");

    // --- Kafka protocol adapter (kafka-protocol-adapter module; Kafka's own setting names in parentheses)
    public static final ConfigKey<Boolean> KAFKA_ENABLE = define("kafkaEnable", ConfigType.BOOLEAN, true,
            "true or false", b -> true, "Serve Kafka clients on kafkaListenPort, when the kafka-protocol-adapter is "
                    + "on the class path (it is in the distribution). A Kafka partition is a queue, an offset a queue "
                    + "offset.");
    public static final ConfigKey<Integer> KAFKA_LISTEN_PORT = intKey("kafkaListenPort", 9092, 0, 65535,
            "TCP port of the Kafka protocol, bound on bindAddress. 0 binds an ephemeral port (tests).");
    public static final ConfigKey<String> KAFKA_ADVERTISED_HOST = define("kafkaAdvertisedHost", ConfigType.STRING, "",
            "empty (the broker's advertised host, see brokerIP1) or a host name or IP address",
            s -> !s.contains(" ") && !s.contains(":"),
            "Host Kafka clients are told to connect to in Metadata and FindCoordinator responses "
                    + "(advertised.listeners).");
    public static final ConfigKey<Integer> KAFKA_ADVERTISED_PORT = intKey("kafkaAdvertisedPort", 0, 0, 65535,
            "Port Kafka clients are told to connect to; 0 advertises the bound port. Set it behind NAT or a proxy.");
    public static final ConfigKey<Integer> KAFKA_MAX_REQUEST_SIZE = intKey("kafkaMaxRequestSize", 100 * MIB, 1024,
            Integer.MAX_VALUE - 8, "Largest Kafka request in bytes (socket.request.max.bytes); a connection announcing "
                    + "a bigger or negative size is closed without reading it.");
    public static final ConfigKey<Integer> KAFKA_MAX_IN_FLIGHT_REQUESTS = intKey("kafkaMaxInFlightRequests", 100, 1,
            10_000, "Requests of one Kafka connection being processed at once; past it the broker stops reading from "
                    + "that connection until responses have been written (responses always go out in request order).");
    public static final ConfigKey<Long> KAFKA_CONNECTIONS_MAX_IDLE_MS = longKey("kafkaConnectionsMaxIdleMs", 600_000L,
            1_000L, 86_400_000L, "A Kafka connection with no traffic either way for this long is closed "
                    + "(connections.max.idle.ms).");
    public static final ConfigKey<String> KAFKA_SASL_MECHANISMS = define("kafkaSaslMechanisms", ConfigType.STRING, "",
            "empty or a comma-separated list of PLAIN, SCRAM-SHA-256, SCRAM-SHA-512",
            s -> s.isBlank() || Arrays.stream(s.split(",")).map(String::trim)
                    .allMatch(m -> m.equals("PLAIN") || m.equals("SCRAM-SHA-256") || m.equals("SCRAM-SHA-512")),
            "SASL mechanisms Kafka clients must authenticate with (sasl.enabled.mechanisms, security.protocol="
                    + "SASL_PLAINTEXT). Empty: no authentication. When set, kafkaSaslUsersFile is required.");
    public static final ConfigKey<String> KAFKA_SASL_USERS_FILE = define("kafkaSaslUsersFile", ConfigType.STRING, "",
            "empty or a file path; ${user.home} and a leading ~ are expanded", s -> true,
            "Java-properties file of Kafka users, one user=password per line, read at start-up. SCRAM credentials are "
                    + "derived from it with a random salt and 4096 iterations. Keep it readable by the broker only.");
    public static final ConfigKey<Integer> KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS = intKey(
            "kafkaGroupInitialRebalanceDelayMs", 3_000, 0, 300_000, "Milliseconds a new Kafka consumer group waits "
                    + "for more members before its first rebalance (group.initial.rebalance.delay.ms).");
    public static final ConfigKey<Integer> KAFKA_GROUP_MIN_SESSION_TIMEOUT_MS = intKey(
            "kafkaGroupMinSessionTimeoutMs", 6_000, 1, 3_600_000, "Shortest session.timeout.ms a Kafka consumer may "
                    + "ask for; shorter ones get INVALID_SESSION_TIMEOUT (group.min.session.timeout.ms).");
    public static final ConfigKey<Integer> KAFKA_GROUP_MAX_SESSION_TIMEOUT_MS = intKey(
            "kafkaGroupMaxSessionTimeoutMs", 1_800_000, 1, 3_600_000, "Longest session.timeout.ms a Kafka consumer "
                    + "may ask for (group.max.session.timeout.ms).");
    public static final ConfigKey<Integer> KAFKA_FETCH_MAX_WAIT_CAP_MS = intKey("kafkaFetchMaxWaitCapMs", 30_000, 0,
            300_000, "Upper bound on a Kafka Fetch's max_wait_ms: longer long-polls are cut to this. Must stay below "
                    + "the clients' request.timeout.ms (30 s by default) and kafkaConnectionsMaxIdleMs.");

    private static final Map<String, ConfigKey<?>> BY_NAME;

    static {
        Map<String, ConfigKey<?>> byName = new LinkedHashMap<>();
        for (ConfigKey<?> key : ALL) {
            if (byName.put(key.name(), key) != null) {
                throw new IllegalStateException("duplicate config key " + key.name());
            }
        }
        BY_NAME = Collections.unmodifiableMap(byName);
    }

    private BrokerConfigKeys() {
    }

    /** All keys in documentation order. */
    public static List<ConfigKey<?>> all() {
        return Collections.unmodifiableList(ALL);
    }

    /** The key with this exact name, or null. */
    public static ConfigKey<?> byName(String name) {
        return BY_NAME.get(name);
    }

    private static <T> ConfigKey<T> define(String name, ConfigType<T> type, T defaultValue, String allowed,
                                           Predicate<T> valid, String doc) {
        ConfigKey<T> key = new ConfigKey<>(name, type, defaultValue, allowed, valid, doc);
        ALL.add(key);
        return key;
    }

    private static ConfigKey<Integer> intKey(String name, int defaultValue, int min, int max, String doc) {
        return define(name, ConfigType.INT, defaultValue, "an integer from " + min + " to " + max,
                v -> v >= min && v <= max, doc);
    }

    private static ConfigKey<Long> longKey(String name, long defaultValue, long min, long max, String doc) {
        return define(name, ConfigType.LONG, defaultValue, "an integer from " + min + " to " + max,
                v -> v >= min && v <= max, doc);
    }
}
