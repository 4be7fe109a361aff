package io.ternmq.broker.offset;

import io.ternmq.broker.metadata.MetadataFile;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Committed consumer offsets, persisted in {@code config/consumerOffsets.tsv} (format: {@link MetadataFile}; fields
 * {@code group topic queueId offset [metadata]}).
 *
 * <p>The fifth field is the commit's metadata string (Kafka OffsetCommit), written only when not empty, so files of
 * native groups look as before and files written before the field existed load unchanged. It is escaped to stay on one
 * field: {@code \\} for a backslash, {@code \t}, {@code \n} and {@code \r} for TAB, LF and CR.
 *
 * <p>Commits only touch memory; {@link #persistIfDirty()} writes the file, called every
 * {@code flushConsumerOffsetInterval} and at shutdown. After a crash a group may therefore re-read up to one interval
 * of messages (at-least-once), never skip any. Deleting a topic persists at once so its offsets do not come back.
 *
 * <p>Thread-safe: a concurrent map plus a dirty flag; persistence is serialised by {@link MetadataFile}.
 */
public final class ConsumerOffsetStore {
    private static final Comparator<OffsetKey> ORDER = Comparator.comparing(OffsetKey::group)
            .thenComparing(OffsetKey::topic).thenComparingInt(OffsetKey::queueId);

    private final MetadataFile file;
    private final Map<OffsetKey, CommittedPosition> offsets = new ConcurrentHashMap<>();
    private final AtomicBoolean dirty = new AtomicBoolean();

    public ConsumerOffsetStore(Path configDir) {
        this.file = new MetadataFile(configDir.resolve("consumerOffsets.tsv"),
                "ternmq consumer offsets v2: group topic queueId offset [metadata]", 4, 5);
        for (String[] r : file.load()) {
            offsets.put(new OffsetKey(r[0], r[1], Integer.parseInt(r[2])),
                    new CommittedPosition(Long.parseLong(r[3]), r.length > 4 ? unescape(r[4]) : ""));
        }
    }

    /**
     * Records the group's position without metadata; the last commit wins (a client may legitimately move an offset
     * back).
     */
    public void commit(String group, String topic, int queueId, long offset) {
        commit(group, topic, queueId, offset, "");
    }

    /** Records the group's position with the client's metadata string (null is ""), replacing both. */
    public void commit(String group, String topic, int queueId, long offset, String metadata) {
        offsets.put(new OffsetKey(group, topic, queueId), new CommittedPosition(offset, metadata));
        dirty.set(true);
    }

    public OptionalLong query(String group, String topic, int queueId) {
        CommittedPosition position = offsets.get(new OffsetKey(group, topic, queueId));
        return position == null ? OptionalLong.empty() : OptionalLong.of(position.offset());
    }

    /** The committed offset with its metadata, read together (one map entry), or empty. */
    public Optional<CommittedPosition> position(String group, String topic, int queueId) {
        return Optional.ofNullable(offsets.get(new OffsetKey(group, topic, queueId)));
    }

    /** Every offset of a group, sorted by topic and queue. */
    public Map<OffsetKey, Long> offsetsOf(String group) {
        Map<OffsetKey, Long> result = new TreeMap<>(ORDER);
        positionsOf(group).forEach((k, v) -> result.put(k, v.offset()));
        return result;
    }

    /** Every offset of a group with its metadata, sorted by topic and queue. */
    public Map<OffsetKey, CommittedPosition> positionsOf(String group) {
        Map<OffsetKey, CommittedPosition> result = new TreeMap<>(ORDER);
        offsets.forEach((k, v) -> {
            if (k.group().equals(group)) {
                result.put(k, v);
            }
        });
        return result;
    }

    /** Groups with at least one committed offset. */
    public Set<String> groups() {
        Set<String> groups = new TreeSet<>();
        offsets.keySet().forEach(k -> groups.add(k.group()));
        return groups;
    }

    /**
     * Forgets one committed offset (Kafka OffsetDelete); persisted with the next flush.
     *
     * @return whether there was one
     */
    public boolean delete(String group, String topic, int queueId) {
        boolean removed = offsets.remove(new OffsetKey(group, topic, queueId)) != null;
        if (removed) {
            dirty.set(true);
        }
        return removed;
    }

    /**
     * Drops every offset of a group (Kafka DeleteGroups) and persists at once, so the group does not come back after
     * a restart.
     *
     * @return whether the group had any
     */
    public boolean deleteGroup(String group) {
        boolean removed = offsets.keySet().removeIf(k -> k.group().equals(group));
        if (removed) {
            dirty.set(true);
            persistIfDirty();
        }
        return removed;
    }

    /** Drops every group's offsets of the topic and persists at once. */
    public void deleteTopic(String topic) {
        if (offsets.keySet().removeIf(k -> k.topic().equals(topic))) {
            dirty.set(true);
            persistIfDirty();
        }
    }

    /** Writes the file when something changed since the last write. */
    public void persistIfDirty() {
        if (!dirty.getAndSet(false)) {
            return;
        }
        try {
            Map<OffsetKey, CommittedPosition> snapshot = new TreeMap<>(ORDER);
            snapshot.putAll(offsets);
            List<String[]> records = new ArrayList<>(snapshot.size());
            snapshot.forEach((k, v) -> records.add(v.metadata().isEmpty()
                    ? new String[] {k.group(), k.topic(), Integer.toString(k.queueId()), Long.toString(v.offset())}
                    : new String[] {k.group(), k.topic(), Integer.toString(k.queueId()), Long.toString(v.offset()),
                            escape(v.metadata())}));
            file.save(records);
        } catch (RuntimeException e) {
            dirty.set(true); // try again next time
            throw e;
        }
    }

    static String escape(String metadata) {
        StringBuilder out = new StringBuilder(metadata.length());
        for (int i = 0; i < metadata.length(); i++) {
            char c = metadata.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    static String unescape(String field) {
        StringBuilder out = new StringBuilder(field.length());
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (c != '\\' || i + 1 == field.length()) {
                out.append(c);
                continue;
            }
            char next = field.charAt(++i);
            out.append(switch (next) {
                case 't' -> '\t';
                case 'n' -> '\n';
                case 'r' -> '\r';
                default -> next;
            });
        }
        return out.toString();
    }
}
