package io.ternmq.broker.store.consumequeue;

import io.ternmq.broker.store.io.DirectorySync;
import io.ternmq.broker.store.io.FileSync;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/** All ConsumeQueues, by topic and queue id, under {@code consumequeue/}. Thread-safe. */
public final class ConsumeQueueTable {
    private static final System.Logger LOG = System.getLogger(ConsumeQueueTable.class.getName());

    private final Path root;
    private final int entriesPerFile;
    private final Map<String, Map<Integer, ConsumeQueue>> topics = new ConcurrentHashMap<>();

    public ConsumeQueueTable(Path root, int entriesPerFile) {
        this.root = root;
        this.entriesPerFile = entriesPerFile;
    }

    public void load() throws IOException {
        Files.createDirectories(root);
        try (Stream<Path> topicDirs = Files.list(root)) {
            for (Path topicDir : (Iterable<Path>) topicDirs::iterator) {
                if (!Files.isDirectory(topicDir)) {
                    continue;
                }
                String topic = topicDir.getFileName().toString();
                try (Stream<Path> queueDirs = Files.list(topicDir)) {
                    for (Path queueDir : (Iterable<Path>) queueDirs::iterator) {
                        loadQueue(topic, queueDir);
                    }
                }
            }
        }
    }

    private void loadQueue(String topic, Path queueDir) throws IOException {
        int queueId;
        try {
            queueId = Integer.parseInt(queueDir.getFileName().toString());
        } catch (NumberFormatException e) {
            LOG.log(Level.WARNING, "ignoring stray directory {0}", queueDir);
            return;
        }
        ConsumeQueue cq = ConsumeQueue.load(queueDir, topic, queueId, entriesPerFile);
        topics.computeIfAbsent(topic, t -> new ConcurrentHashMap<>()).put(queueId, cq);
    }

    public ConsumeQueue get(String topic, int queueId) {
        Map<Integer, ConsumeQueue> queues = topics.get(topic);
        return queues == null ? null : queues.get(queueId);
    }

    public ConsumeQueue getOrCreate(String topic, int queueId) {
        // Plain lookups first: the dispatcher calls this per record, and computeIfAbsent locks a bin and
        // allocates its lambda even when the queue exists (most of this method's cost with 1,000 topics).
        ConsumeQueue existing = get(topic, queueId);
        if (existing != null) {
            return existing;
        }
        return topics.computeIfAbsent(topic, t -> new ConcurrentHashMap<>()).computeIfAbsent(queueId,
                q -> ConsumeQueue.create(root.resolve(topic).resolve(Integer.toString(q)), topic, q, entriesPerFile));
    }

    public List<Integer> queueIds(String topic) {
        Map<Integer, ConsumeQueue> queues = topics.get(topic);
        return queues == null ? List.of() : queues.keySet().stream().sorted().toList();
    }

    public Collection<ConsumeQueue> all() {
        List<ConsumeQueue> out = new ArrayList<>();
        topics.values().forEach(q -> out.addAll(q.values()));
        return out;
    }

    public void deleteTopic(String topic) {
        Map<Integer, ConsumeQueue> queues = topics.remove(topic);
        if (queues == null) {
            return;
        }
        try {
            for (ConsumeQueue cq : queues.values()) {
                cq.deleteFiles();
            }
            Path topicDir = root.resolve(topic);
            if (Files.isDirectory(topicDir)) {
                try (Stream<Path> rest = Files.list(topicDir)) {
                    for (Path p : (Iterable<Path>) rest::iterator) {
                        Files.deleteIfExists(p);
                    }
                }
                Files.deleteIfExists(topicDir);
            }
            DirectorySync.fsync(root);
        } catch (IOException e) {
            throw new UncheckedIOException("could not delete ConsumeQueues of " + topic, e);
        }
    }

    public void flushAll(FileSync sync) throws IOException {
        for (ConsumeQueue cq : all()) {
            cq.flush(sync);
        }
    }

    public void closeAll() {
        all().forEach(ConsumeQueue::close);
    }
}
