package io.ternmq.broker.config;

import io.ternmq.broker.store.StoreConfig;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

/**
 * The broker's validated configuration: a value for every key of {@link BrokerConfigKeys}. Built by
 * {@link ConfigLoader}, which is the only place that parses and validates.
 *
 * <p>Immutable and thread-safe.
 */
public final class BrokerConfig {
    private final Map<ConfigKey<?>, Object> values;

    BrokerConfig(Map<ConfigKey<?>, Object> values) {
        this.values = Collections.unmodifiableMap(new HashMap<>(values));
    }

    /** The defaults of every key. */
    public static BrokerConfig defaults() {
        return ConfigLoader.fromMap(Map.of());
    }

    /** The value of a key (its default when it was not set). */
    public <T> T get(ConfigKey<T> key) {
        Object value = values.get(key);
        @SuppressWarnings("unchecked")
        T typed = value == null ? key.defaultValue() : (T) value;
        return typed;
    }

    /** {@code storePathRootDir} with {@code ${user.home}} and a leading {@code ~} expanded. */
    public Path storePathRootDir() {
        String raw = get(BrokerConfigKeys.STORE_PATH_ROOT_DIR);
        String home = System.getProperty("user.home");
        String expanded = raw.replace("${user.home}", home);
        if (expanded.equals("~") || expanded.startsWith("~/")) {
            expanded = home + expanded.substring(1);
        }
        return Path.of(expanded).toAbsolutePath().normalize();
    }

    /** The store settings derived from this configuration. */
    public StoreConfig toStoreConfig(String storeHost, Clock clock) {
        StoreConfig defaults = StoreConfig.defaults(storePathRootDir());
        return new StoreConfig(storePathRootDir(), get(BrokerConfigKeys.MAPPED_FILE_SIZE_COMMIT_LOG),
                defaults.consumeQueueFileEntries(), get(BrokerConfigKeys.FLUSH_DISK_TYPE),
                get(BrokerConfigKeys.FLUSH_INTERVAL_COMMIT_LOG), get(BrokerConfigKeys.SYNC_FLUSH_TIMEOUT),
                get(BrokerConfigKeys.MAX_MESSAGE_SIZE), get(BrokerConfigKeys.FILE_RESERVED_TIME),
                get(BrokerConfigKeys.DELETE_WHEN), get(BrokerConfigKeys.DISK_MAX_USED_SPACE_RATIO),
                get(BrokerConfigKeys.DISK_SPACE_CLEAN_FORCIBLY_RATIO),
                get(BrokerConfigKeys.DISK_SPACE_WARNING_LEVEL_RATIO), get(BrokerConfigKeys.MESSAGE_INDEX_ENABLE),
                storeHost, clock);
    }

    /** Every key with its effective value, as text, in documentation order. */
    public Map<String, String> asText() {
        Map<String, String> text = new java.util.LinkedHashMap<>();
        for (ConfigKey<?> key : BrokerConfigKeys.all()) {
            text.put(key.name(), String.valueOf(get(key)));
        }
        return text;
    }

    @Override
    public String toString() {
        return asText().toString();
    }
}
