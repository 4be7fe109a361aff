package io.ternmq.broker.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * Builds a {@link BrokerConfig} from a Java-properties {@code broker.conf} plus command-line overrides. Unknown keys
 * and invalid values are collected and reported together in one {@link ConfigException}, so an operator fixes
 * everything in one round.
 *
 * <p>Stateless; thread-safe.
 */
public final class ConfigLoader {
    private ConfigLoader() {
    }

    /**
     * Loads {@code confFile} (may be null) and applies {@code overrides} on top.
     *
     * @throws ConfigException listing every problem
     */
    public static BrokerConfig load(Path confFile, Map<String, String> overrides) {
        Map<String, String> raw = new LinkedHashMap<>();
        List<String> errors = new ArrayList<>();
        if (confFile != null) {
            try (Reader reader = Files.newBufferedReader(confFile, StandardCharsets.UTF_8)) {
                Properties properties = new Properties();
                properties.load(reader);
                // sorted so error messages come in a stable order
                new TreeMap<>(properties).forEach((k, v) -> raw.put(k.toString(), v.toString()));
            } catch (NoSuchFileException e) {
                errors.add("config file " + confFile + " does not exist");
            } catch (IOException | IllegalArgumentException e) {
                errors.add("config file " + confFile + " cannot be read: " + e.getMessage());
            }
        }
        raw.putAll(overrides);
        return build(raw, errors);
    }

    /** Builds a configuration from key/value text alone (tests, embedded brokers). */
    public static BrokerConfig fromMap(Map<String, String> settings) {
        return build(new LinkedHashMap<>(settings), new ArrayList<>());
    }

    private static BrokerConfig build(Map<String, String> raw, List<String> errors) {
        Map<ConfigKey<?>, Object> values = new HashMap<>();
        for (Map.Entry<String, String> entry : raw.entrySet()) {
            String name = entry.getKey().trim();
            ConfigKey<?> key = BrokerConfigKeys.byName(name);
            if (key == null) {
                errors.add("unknown key '" + name + "'" + suggestion(name));
                continue;
            }
            parseInto(key, entry.getValue() == null ? "" : entry.getValue().trim(), values, errors);
        }
        BrokerConfig config = new BrokerConfig(values);
        if (errors.isEmpty()) {
            crossCheck(config, errors);
        }
        if (!errors.isEmpty()) {
            throw new ConfigException(errors);
        }
        return config;
    }

    private static <T> void parseInto(ConfigKey<T> key, String text, Map<ConfigKey<?>, Object> values,
                                      List<String> errors) {
        try {
            T value = key.type().parse(text);
            if (!key.valid().test(value)) {
                errors.add(describe(key, text, "invalid"));
                return;
            }
            values.put(key, value);
        } catch (IllegalArgumentException e) {
            errors.add(describe(key, text, e.getMessage()));
        }
    }

    private static String describe(ConfigKey<?> key, String text, String reason) {
        return key.name() + "='" + text + "': " + reason + "; allowed: " + key.allowed();
    }

    /** Rules that involve more than one key. */
    private static void crossCheck(BrokerConfig config, List<String> errors) {
        int maxMessage = config.get(BrokerConfigKeys.MAX_MESSAGE_SIZE);
        int maxFrame = config.get(BrokerConfigKeys.MAX_FRAME_SIZE);
        if (maxMessage > maxFrame - 64 * 1024) {
            errors.add("maxMessageSize=" + maxMessage + " must be at least 64 KiB below maxFrameSize=" + maxFrame
                    + " so a message and its headers fit in one frame");
        }
        int max = config.get(BrokerConfigKeys.DISK_MAX_USED_SPACE_RATIO);
        int forcibly = config.get(BrokerConfigKeys.DISK_SPACE_CLEAN_FORCIBLY_RATIO);
        int warning = config.get(BrokerConfigKeys.DISK_SPACE_WARNING_LEVEL_RATIO);
        if (!(max <= forcibly && forcibly <= warning)) {
            errors.add("disk ratios must satisfy diskMaxUsedSpaceRatio (" + max + ") <= diskSpaceCleanForciblyRatio ("
                    + forcibly + ") <= diskSpaceWarningLevelRatio (" + warning + ")");
        }
        long maxWait = config.get(BrokerConfigKeys.LONG_POLLING_MAX_WAIT_MS);
        long idleMs = config.get(BrokerConfigKeys.CLIENT_CHANNEL_MAX_IDLE_SECONDS) * 1000L;
        if (maxWait >= idleMs) {
            errors.add("longPollingMaxWaitMs=" + maxWait + " must be below clientChannelMaxIdleSeconds (" + idleMs
                    + " ms), or held pulls would be cut by the idle check");
        }
        if (!config.get(BrokerConfigKeys.KAFKA_SASL_MECHANISMS).isBlank()
                && config.get(BrokerConfigKeys.KAFKA_SASL_USERS_FILE).isBlank()) {
            errors.add("kafkaSaslMechanisms=" + config.get(BrokerConfigKeys.KAFKA_SASL_MECHANISMS)
                    + " needs kafkaSaslUsersFile (the users and passwords to check)");
        }
        int minSession = config.get(BrokerConfigKeys.KAFKA_GROUP_MIN_SESSION_TIMEOUT_MS);
        int maxSession = config.get(BrokerConfigKeys.KAFKA_GROUP_MAX_SESSION_TIMEOUT_MS);
        if (minSession > maxSession) {
            errors.add("kafkaGroupMinSessionTimeoutMs=" + minSession + " must not exceed kafkaGroupMaxSessionTimeoutMs="
                    + maxSession);
        }
        long fetchCap = config.get(BrokerConfigKeys.KAFKA_FETCH_MAX_WAIT_CAP_MS);
        long kafkaIdle = config.get(BrokerConfigKeys.KAFKA_CONNECTIONS_MAX_IDLE_MS);
        if (fetchCap >= kafkaIdle) {
            errors.add("kafkaFetchMaxWaitCapMs=" + fetchCap + " must be below kafkaConnectionsMaxIdleMs=" + kafkaIdle
                    + ", or held fetches would be cut by the idle check");
        }
    }

    private static String suggestion(String name) {
        for (ConfigKey<?> key : BrokerConfigKeys.all()) {
            if (key.name().equalsIgnoreCase(name)) {
                return " (did you mean '" + key.name() + "'?)";
            }
        }
        return "";
    }

    /**
     * Parses launcher arguments: {@code -c file} (also {@code --config file}, {@code -c=file}, {@code --config=file}), {@code -p key=value} (repeatable) and {@code --key=value}.
     *
     * @throws ConfigException for arguments it does not understand
     */
    public static LaunchArguments parseArguments(String... args) {
        Path confFile = null;
        Map<String, String> overrides = new LinkedHashMap<>();
        List<String> errors = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if ((arg.equals("-c") || arg.equals("--config") || arg.equals("-p")) && i + 1 >= args.length) {
                errors.add(arg + " needs a value");
            } else if (arg.equals("-c") || arg.equals("--config")) {
                confFile = Path.of(args[++i]);
            } else if (arg.startsWith("-c=") || arg.startsWith("--config=")) {
                confFile = Path.of(arg.substring(arg.indexOf('=') + 1));
            } else if (arg.equals("-p")) {
                addOverride(args[++i], overrides, errors);
            } else if (arg.startsWith("--") && arg.contains("=")) {
                addOverride(arg.substring(2), overrides, errors);
            } else {
                errors.add("unknown argument '" + arg + "'; use -c broker.conf, -p key=value or --key=value");
            }
        }
        if (!errors.isEmpty()) {
            throw new ConfigException(errors);
        }
        return new LaunchArguments(confFile, overrides);
    }

    private static void addOverride(String pair, Map<String, String> overrides, List<String> errors) {
        int eq = pair.indexOf('=');
        if (eq <= 0) {
            errors.add("override '" + pair + "' is not key=value");
        } else {
            overrides.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
        }
    }

    /**
     * Parsed launcher arguments.
     *
     * @param confFile  the broker.conf to read, or null
     * @param overrides key/value pairs that win over the file
     */
    public record LaunchArguments(Path confFile, Map<String, String> overrides) {
        /** Loads the configuration these arguments describe. */
        public BrokerConfig load() {
            return ConfigLoader.load(confFile, overrides);
        }
    }
}
