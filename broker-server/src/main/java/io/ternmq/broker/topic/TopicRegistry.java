package io.ternmq.broker.topic;

import io.ternmq.broker.metadata.MetadataFile;
import io.ternmq.broker.metadata.ResourceName;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The broker's topics, persisted in {@code config/topics.tsv} (format: {@link MetadataFile}; fields
 * {@code topic queueNums perm order}) on every change.
 *
 * <p>Thread-safe: lookups are lock-free reads of a concurrent map; changes are serialised on this object so the
 * file is always written from a consistent snapshot.
 */
public final class TopicRegistry {
    private static final System.Logger LOG = System.getLogger(TopicRegistry.class.getName());

    private final MetadataFile file;
    private final Map<String, TopicConfig> topics = new ConcurrentHashMap<>();
    private final boolean autoCreate;
    private final int defaultQueueNums;

    /**
     * @param configDir        the store's {@code config/} directory
     * @param autoCreate       whether a write to an unknown topic creates it
     * @param defaultQueueNums queue count of auto-created topics
     */
    public TopicRegistry(Path configDir, boolean autoCreate, int defaultQueueNums) {
        this.file = new MetadataFile(configDir.resolve("topics.tsv"), "ternmq topics v1: topic queueNums perm order", 4);
        this.autoCreate = autoCreate;
        this.defaultQueueNums = defaultQueueNums;
        for (String[] r : file.load()) {
            topics.put(r[0], new TopicConfig(r[0], Integer.parseInt(r[1]), Integer.parseInt(r[2]),
                    Boolean.parseBoolean(r[3])));
        }
    }

    public Optional<TopicConfig> get(String topic) {
        return Optional.ofNullable(topics.get(topic));
    }

    /** All topics sorted by name. */
    public List<TopicConfig> all() {
        List<TopicConfig> list = new ArrayList<>(topics.values());
        list.sort(Comparator.comparing(TopicConfig::name));
        return list;
    }

    public int size() {
        return topics.size();
    }

    /** Creates the topic or replaces its configuration. The caller has validated the name and values. */
    public synchronized void put(TopicConfig config) {
        TopicConfig previous = topics.put(config.name(), config);
        if (!config.equals(previous)) {
            persist();
            LOG.log(System.Logger.Level.INFO, "topic {0} {1}: {2}", config.name(),
                    previous == null ? "created" : "updated", config);
        }
    }

    /** Removes the topic; false when it did not exist. */
    public synchronized boolean delete(String topic) {
        if (topics.remove(topic) == null) {
            return false;
        }
        persist();
        LOG.log(System.Logger.Level.INFO, "topic {0} deleted", topic);
        return true;
    }

    /** Checks a write to a queue, creating the topic first when auto-creation is on. */
    public TopicCheck checkWrite(String topic, int queueId) {
        if (ResourceName.TOPIC.problem(topic).isPresent()) {
            return TopicCheck.ILLEGAL_NAME;
        }
        TopicConfig config = topics.get(topic);
        if (config == null && autoCreate) {
            config = createIfAbsent(topic);
        }
        if (config == null) {
            return TopicCheck.NOT_EXIST;
        }
        if (!config.writable()) {
            return TopicCheck.NO_PERMISSION;
        }
        return config.hasQueue(queueId) ? TopicCheck.OK : TopicCheck.QUEUE_NOT_EXIST;
    }

    /** Checks a read of a queue. */
    public TopicCheck checkRead(String topic, int queueId) {
        if (ResourceName.TOPIC.problem(topic).isPresent()) {
            return TopicCheck.ILLEGAL_NAME;
        }
        TopicConfig config = topics.get(topic);
        if (config == null) {
            return TopicCheck.NOT_EXIST;
        }
        if (!config.readable()) {
            return TopicCheck.NO_PERMISSION;
        }
        return config.hasQueue(queueId) ? TopicCheck.OK : TopicCheck.QUEUE_NOT_EXIST;
    }

    private synchronized TopicConfig createIfAbsent(String topic) {
        TopicConfig existing = topics.get(topic);
        if (existing != null) {
            return existing;
        }
        TopicConfig created = new TopicConfig(topic, defaultQueueNums, TopicConfig.PERM_READ_WRITE, false);
        put(created);
        return created;
    }

    /** Topic names. */
    public Collection<String> names() {
        return List.copyOf(topics.keySet());
    }

    private void persist() {
        List<String[]> records = new ArrayList<>();
        for (TopicConfig t : all()) {
            records.add(new String[] {t.name(), Integer.toString(t.queueNums()), Integer.toString(t.perm()),
                    Boolean.toString(t.order())});
        }
        file.save(records);
    }
}
