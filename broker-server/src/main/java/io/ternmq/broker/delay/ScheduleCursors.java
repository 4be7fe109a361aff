package io.ternmq.broker.delay;

import io.ternmq.broker.metadata.MetadataFile;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * How far each schedule queue has been delivered: the next queue offset to look at, per (topic, queue),
 * persisted in {@code config/scheduleOffsets.tsv} (format: {@link MetadataFile}; fields
 * {@code topic queueId nextOffset}).
 *
 * <p>Crash behaviour: the file is replaced atomically and only after the deliveries it covers were acknowledged
 * by the store, so after a crash a cursor can only be behind: messages delivered since the last write are
 * delivered again (at-least-once), never skipped. A graceful shutdown writes the cursors last, so a normal restart
 * neither loses nor repeats a delivery.
 *
 * <p>Thread-safety: used by the schedule thread only, plus {@link #persistIfDirty} at shutdown after that thread
 * stopped; methods are synchronized anyway so a late tick cannot interleave with the final write.
 */
final class ScheduleCursors {
    private final MetadataFile file;
    private final Map<String, Long> next = new TreeMap<>();
    private boolean dirty;

    ScheduleCursors(Path configDir) {
        this.file = new MetadataFile(configDir.resolve("scheduleOffsets.tsv"),
                "ternmq schedule offsets v1: topic queueId nextOffset", 3);
        for (String[] r : file.load()) {
            next.put(key(r[0], Integer.parseInt(r[1])), Long.parseLong(r[2]));
        }
    }

    private static String key(String topic, int queueId) {
        return topic + '\t' + queueId;
    }

    /** The next offset to deliver from; 0 for a queue never delivered from. */
    synchronized long get(String topic, int queueId) {
        return next.getOrDefault(key(topic, queueId), 0L);
    }

    synchronized void set(String topic, int queueId, long nextOffset) {
        Long previous = next.put(key(topic, queueId), nextOffset);
        if (previous == null || previous != nextOffset) {
            dirty = true;
        }
    }

    /** Writes the file when a cursor moved since the last write. */
    synchronized void persistIfDirty() {
        if (!dirty) {
            return;
        }
        List<String[]> records = new ArrayList<>();
        for (Map.Entry<String, Long> e : next.entrySet()) {
            String[] topicAndQueue = e.getKey().split("\t");
            records.add(new String[] {topicAndQueue[0], topicAndQueue[1], Long.toString(e.getValue())});
        }
        file.save(records);
        dirty = false;
    }
}
