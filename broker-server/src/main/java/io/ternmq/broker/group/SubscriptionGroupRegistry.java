package io.ternmq.broker.group;

import io.ternmq.broker.metadata.MetadataFile;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Known consumer groups, persisted in {@code config/subscriptionGroups.tsv} (format: {@link MetadataFile}; fields
 * {@code group consumeEnable retryMaxTimes}) on every change.
 *
 * <p>Thread-safe: concurrent reads, changes serialised on this object.
 */
public final class SubscriptionGroupRegistry {
    private final MetadataFile file;
    private final Map<String, SubscriptionGroupConfig> groups = new ConcurrentHashMap<>();
    private final boolean autoCreate;

    public SubscriptionGroupRegistry(Path configDir, boolean autoCreate) {
        this.file = new MetadataFile(configDir.resolve("subscriptionGroups.tsv"),
                "ternmq subscription groups v1: group consumeEnable retryMaxTimes", 3);
        this.autoCreate = autoCreate;
        for (String[] r : file.load()) {
            groups.put(r[0], new SubscriptionGroupConfig(r[0], Boolean.parseBoolean(r[1]), Integer.parseInt(r[2])));
        }
    }

    public Optional<SubscriptionGroupConfig> get(String group) {
        return Optional.ofNullable(groups.get(group));
    }

    /**
     * The group's config, creating it with defaults when auto-creation is on; empty when the group is unknown and
     * auto-creation is off.
     */
    public Optional<SubscriptionGroupConfig> getOrCreate(String group) {
        SubscriptionGroupConfig config = groups.get(group);
        if (config != null || !autoCreate) {
            return Optional.ofNullable(config);
        }
        return Optional.of(put(SubscriptionGroupConfig.withDefaults(group)));
    }

    /** Creates or replaces a group's config. */
    public synchronized SubscriptionGroupConfig put(SubscriptionGroupConfig config) {
        SubscriptionGroupConfig existing = groups.putIfAbsent(config.name(), config);
        if (existing != null && existing.equals(config)) {
            return existing;
        }
        groups.put(config.name(), config);
        persist();
        return config;
    }

    /** All groups sorted by name. */
    public List<SubscriptionGroupConfig> all() {
        List<SubscriptionGroupConfig> list = new ArrayList<>(groups.values());
        list.sort(Comparator.comparing(SubscriptionGroupConfig::name));
        return list;
    }

    private void persist() {
        List<String[]> records = new ArrayList<>();
        for (SubscriptionGroupConfig g : all()) {
            records.add(new String[] {g.name(), Boolean.toString(g.consumeEnable()),
                    Integer.toString(g.retryMaxTimes())});
        }
        file.save(records);
    }
}
