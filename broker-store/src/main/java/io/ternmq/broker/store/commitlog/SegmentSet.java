package io.ternmq.broker.store.commitlog;

import io.ternmq.broker.store.io.DirectorySync;
import io.ternmq.broker.store.io.FileNames;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.stream.Stream;

/**
 * The CommitLog's segments ordered by start offset. Thread-safe for lookups; creation and removal happen under the
 * put lock (roll), in recovery (single-threaded) or in retention (never the last segment).
 */
final class SegmentSet {
    private final Path dir;
    private final long segmentSize;
    private final ConcurrentSkipListMap<Long, Segment> segments = new ConcurrentSkipListMap<>();

    SegmentSet(Path dir, long segmentSize) {
        this.dir = dir;
        this.segmentSize = segmentSize;
    }

    void load() throws IOException {
        Files.createDirectories(dir);
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                long start = FileNames.parseOffset(file.getFileName().toString());
                if (start >= 0 && start % segmentSize == 0) {
                    segments.put(start, Segment.open(file, start, segmentSize));
                }
            }
        }
        // A gap means files were removed by hand; keep only the contiguous run ending at the newest segment.
        List<Long> starts = new ArrayList<>(segments.keySet());
        for (int i = starts.size() - 1; i > 0; i--) {
            if (starts.get(i - 1) + segmentSize != starts.get(i)) {
                for (int j = 0; j < i; j++) {
                    segments.remove(starts.get(j)).close();
                }
                break;
            }
        }
    }

    Segment create(long startOffset) throws IOException {
        Segment segment = Segment.create(dir.resolve(FileNames.ofOffset(startOffset)), startOffset, segmentSize);
        DirectorySync.fsync(dir);
        segments.put(startOffset, segment);
        return segment;
    }

    Segment find(long offset) {
        Map.Entry<Long, Segment> e = segments.floorEntry(offset);
        return e == null || offset >= e.getValue().endOffset() ? null : e.getValue();
    }

    Segment first() {
        Map.Entry<Long, Segment> e = segments.firstEntry();
        return e == null ? null : e.getValue();
    }

    Segment last() {
        Map.Entry<Long, Segment> e = segments.lastEntry();
        return e == null ? null : e.getValue();
    }

    List<Segment> all() {
        return new ArrayList<>(segments.values());
    }

    /** Segments overlapping {@code [from, to)}. */
    List<Segment> between(long from, long to) {
        List<Segment> out = new ArrayList<>();
        for (Segment s : segments.values()) {
            if (s.endOffset() > from && s.startOffset() < to) {
                out.add(s);
            }
        }
        return out;
    }

    int size() {
        return segments.size();
    }

    void remove(Segment segment) throws IOException {
        segments.remove(segment.startOffset());
        segment.delete();
        DirectorySync.fsync(dir);
    }

    long segmentSize() {
        return segmentSize;
    }

    void closeAll() {
        segments.values().forEach(Segment::close);
    }
}
