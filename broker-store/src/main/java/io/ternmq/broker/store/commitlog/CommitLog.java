package io.ternmq.broker.store.commitlog;

import io.ternmq.broker.store.AppendStatus;
import io.ternmq.broker.store.io.FileSync;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The single append-only log of all topics, split into fixed-size {@link Segment}s under {@code commitlog/}.
 * Records (layout in {@link RecordEncoder}) never span segments.
 *
 * <p>Appends are serialised by one put lock, under which queue offsets are assigned, the store timestamp is taken
 * (never decreasing) and the record is written with a positional {@code FileChannel.write}, so it is in the OS page
 * cache, and survives a process crash, when {@link #append} returns. {@link #maxOffset()} moves only after the
 * whole record is written, so readers never see a partial record.
 *
 * <p>Crash behaviour: a crash during a write leaves a torn record at the tail; recovery finds it by CRC and cuts
 * it off ({@link #truncateTo}). A crash while rolling leaves either no new segment or an empty one; both recover.
 */
public final class CommitLog {
    private final SegmentSet segments;
    private final long segmentSize;
    private final FileSync fileSync;
    private final Clock clock;
    private final WriteGate gate;
    private final RecordEncoder encoder;
    private final ReentrantLock putLock = new ReentrantLock();
    private final ReentrantLock flushLock = new ReentrantLock();
    private volatile long writePosition;
    private volatile long flushedPosition;
    private volatile Runnable appendListener = () -> { };
    private long lastStoreTimestamp;
    /** Encoded records of an {@link #appendAll} group; guarded by the put lock. */
    private ByteBuffer groupBuffer = ByteBuffer.allocateDirect(256 * 1024);

    public CommitLog(Path dir, long segmentSize, byte[] storeHost, FileSync fileSync, Clock clock, WriteGate gate)
            throws IOException {
        this.segments = new SegmentSet(dir, segmentSize);
        this.segmentSize = segmentSize;
        this.fileSync = fileSync;
        this.clock = clock;
        this.gate = gate;
        this.encoder = new RecordEncoder(storeHost);
        segments.load();
        Segment first = segments.first();
        this.writePosition = first == null ? 0 : first.startOffset();
        this.flushedPosition = writePosition;
    }

    /** Called after every successful append (wakes the dispatcher). Must be cheap. */
    public void setAppendListener(Runnable listener) {
        this.appendListener = listener;
    }

    public AppendOutcome append(PreparedEntry entry, QueueOffsetAssigner offsets) {
        AppendOutcome outcome = appendUnderLock(entry, offsets);
        if (outcome.written()) {
            appendListener.run(); // outside the lock: waking a thread may cost a system call
        }
        return outcome;
    }

    /**
     * Appends several entries in order, as consecutive records written with one positional write per segment
     * they land in (one system call instead of one per entry). Each entry gets its own outcome. When the store
     * refuses writes (disk full, failed) every entry is refused and nothing is written; after a write error every
     * entry is reported failed and the store stops taking writes, though entries written before a segment roll in
     * the same call may be stored, as the record of a failed single append may be (the producer's retry then
     * duplicates it: at least once).
     */
    public List<AppendOutcome> appendAll(List<PreparedEntry> entries, QueueOffsetAssigner offsets) {
        List<AppendOutcome> outcomes = appendAllUnderLock(entries, offsets);
        if (!outcomes.isEmpty() && outcomes.get(0).written()) {
            appendListener.run();
        }
        return outcomes;
    }

    private List<AppendOutcome> appendAllUnderLock(List<PreparedEntry> entries, QueueOffsetAssigner offsets) {
        putLock.lock();
        try {
            AppendOutcome rejected = null;
            if (gate.isFailed()) {
                rejected = AppendOutcome.rejected(AppendStatus.SERVICE_NOT_AVAILABLE,
                        "store is not writable after a fatal I/O error: " + gate.fatalError());
            } else if (gate.isDiskFull()) {
                rejected = AppendOutcome.rejected(AppendStatus.DISK_FULL, gate.diskFullReason());
            }
            if (rejected == null) {
                try {
                    return appendAllLocked(entries, offsets);
                } catch (IOException e) {
                    gate.fail("CommitLog write failed: " + e);
                    rejected = AppendOutcome.rejected(AppendStatus.SERVICE_NOT_AVAILABLE,
                            "CommitLog write failed: " + e);
                }
            }
            List<AppendOutcome> all = new ArrayList<>(entries.size());
            for (int i = 0; i < entries.size(); i++) {
                all.add(rejected);
            }
            return all;
        } finally {
            putLock.unlock();
        }
    }

    /**
     * Encodes the entries one after another into the group buffer and writes it whenever the next entry needs a
     * new segment, and at the end. Queue offsets advance per entry as it is encoded, so two entries of one queue
     * get consecutive offsets; the write position (what readers and the dispatcher see) moves only after the
     * bytes are written.
     */
    private List<AppendOutcome> appendAllLocked(List<PreparedEntry> entries, QueueOffsetAssigner offsets)
            throws IOException {
        List<AppendOutcome> outcomes = new ArrayList<>(entries.size());
        ByteBuffer group = groupBufferFor(entries);
        Segment segment = null;
        long groupStart = writePosition;
        long position = writePosition;
        for (PreparedEntry entry : entries) {
            if (segment == null || entry.totalSize + RecordEncoder.BLANK_SIZE > segment.endOffset() - position) {
                writeGroup(segment, group, groupStart);
                writePosition = position;
                segment = activeSegmentFor(entry.totalSize);
                position = writePosition;
                groupStart = position;
            }
            long queueOffset = offsets.peek(entry.topic, entry.queueId);
            long storeTimestamp = Math.max(lastStoreTimestamp, clock.millis());
            encoder.encodeInto(group, entry, position, queueOffset, storeTimestamp);
            offsets.advance(entry.topic, entry.queueId, entry.messages.size());
            lastStoreTimestamp = storeTimestamp;
            long end = position + entry.totalSize;
            outcomes.add(new AppendOutcome(AppendStatus.PUT_OK, null, position, queueOffset, end, storeTimestamp));
            position = end;
        }
        writeGroup(segment, group, groupStart);
        writePosition = position;
        return outcomes;
    }

    private static void writeGroup(Segment segment, ByteBuffer group, long groupStart) throws IOException {
        if (segment != null && group.position() > 0) {
            group.flip();
            segment.write(group, groupStart - segment.startOffset());
        }
        group.clear();
    }

    /** A buffer holding every entry of the group (they are limited in size by the validator), reused. */
    private ByteBuffer groupBufferFor(List<PreparedEntry> entries) {
        long total = 0;
        for (PreparedEntry e : entries) {
            total += e.totalSize;
        }
        if (groupBuffer.capacity() < total) {
            groupBuffer = ByteBuffer.allocateDirect((int) Math.max(total, 2L * groupBuffer.capacity()));
        }
        groupBuffer.clear();
        return groupBuffer;
    }

    private AppendOutcome appendUnderLock(PreparedEntry entry, QueueOffsetAssigner offsets) {
        putLock.lock();
        try {
            if (gate.isFailed()) {
                return AppendOutcome.rejected(AppendStatus.SERVICE_NOT_AVAILABLE,
                        "store is not writable after a fatal I/O error: " + gate.fatalError());
            }
            if (gate.isDiskFull()) {
                return AppendOutcome.rejected(AppendStatus.DISK_FULL, gate.diskFullReason());
            }
            try {
                return appendLocked(entry, offsets);
            } catch (IOException e) {
                gate.fail("CommitLog write failed: " + e);
                return AppendOutcome.rejected(AppendStatus.SERVICE_NOT_AVAILABLE, "CommitLog write failed: " + e);
            }
        } finally {
            putLock.unlock();
        }
    }

    private AppendOutcome appendLocked(PreparedEntry entry, QueueOffsetAssigner offsets) throws IOException {
        Segment segment = activeSegmentFor(entry.totalSize);
        long position = writePosition;
        long queueOffset = offsets.peek(entry.topic, entry.queueId);
        long storeTimestamp = Math.max(lastStoreTimestamp, clock.millis());
        ByteBuffer record = encoder.encode(entry, position, queueOffset, storeTimestamp);
        segment.write(record, position - segment.startOffset());
        offsets.advance(entry.topic, entry.queueId, entry.messages.size());
        lastStoreTimestamp = storeTimestamp;
        long end = position + entry.totalSize;
        writePosition = end;
        return new AppendOutcome(AppendStatus.PUT_OK, null, position, queueOffset, end, storeTimestamp);
    }

    /** The segment to write {@code size} bytes into, rolling (blank marker + new file) when it does not fit. */
    private Segment activeSegmentFor(int size) throws IOException {
        Segment segment = segments.last();
        if (segment == null) {
            return segments.create(writePosition);
        }
        long remaining = segment.endOffset() - writePosition;
        if (size + RecordEncoder.BLANK_SIZE <= remaining) {
            return segment;
        }
        if (remaining <= 0) {
            // Recovered right after a blank marker whose next segment was never created.
            Segment next = segments.create(segment.endOffset());
            writePosition = next.startOffset();
            return next;
        }
        segment.write(RecordEncoder.blank((int) remaining), writePosition - segment.startOffset());
        Segment next = segments.create(segment.endOffset());
        writePosition = next.startOffset();
        return next;
    }

    /**
     * Forces every segment holding bytes between the flushed and the write position. Only one flush runs at a
     * time. The caller treats an IOException as fatal.
     *
     * @return the new flushed position
     */
    public long flush() throws IOException {
        flushLock.lock();
        try {
            long target = writePosition;
            if (target <= flushedPosition) {
                return flushedPosition;
            }
            for (Segment s : segments.between(flushedPosition, target)) {
                s.force(fileSync);
            }
            flushedPosition = target;
            return target;
        } finally {
            flushLock.unlock();
        }
    }

    /**
     * Reads bytes at {@code offset}, within one segment and below {@code limit}.
     *
     * @return bytes read (0 when the segment is gone)
     */
    public int read(ByteBuffer target, long offset, long limit) throws IOException {
        Segment segment = segments.find(offset);
        if (segment == null) {
            return 0;
        }
        long end = Math.min(limit, segment.endOffset());
        if (end - offset < target.remaining()) {
            target.limit(target.position() + (int) Math.max(0, end - offset));
        }
        return segment.read(target, offset - segment.startOffset());
    }

    /** Reads one whole record into a new heap buffer; null when its segment is gone or it is not fully written. */
    public ByteBuffer readRecord(long offset, int size) throws IOException {
        if (offset < minOffset() || offset + size > writePosition) {
            return null;
        }
        Segment segment = segments.find(offset);
        if (segment == null || offset + size > segment.endOffset()) {
            return null;
        }
        byte[] b = new byte[size];
        return segment.readFully(b, 0, size, offset - segment.startOffset()) ? ByteBuffer.wrap(b) : null;
    }

    /**
     * One whole record as a read-only view of the stored bytes, without copying them (see {@link Segment}); null
     * when its segment is gone or it is not fully written. The view stays readable after retention deletes the
     * segment.
     */
    public ByteBuffer recordView(long offset, int size) throws IOException {
        if (offset < minOffset() || offset + size > writePosition) {
            return null;
        }
        Segment segment = segments.find(offset);
        if (segment == null || offset + size > segment.endOffset()) {
            return null;
        }
        return segment.view(offset - segment.startOffset(), size);
    }

    /**
     * A read-only view of {@code length} bytes of one segment at {@code offset}, wherever the write position is (the
     * caller bounds it, as with {@link #read}): a slice of the segment's mapping; null when the segment is gone, the
     * range leaves it, or it is too large to map (read it with {@link #read} instead).
     */
    public ByteBuffer mappedRange(long offset, int length) throws IOException {
        Segment segment = segments.find(offset);
        if (segment == null || offset + length > segment.endOffset() || !segment.mappable()) {
            return null;
        }
        return segment.view(offset - segment.startOffset(), length);
    }

    public long segmentEndOf(long offset) {
        return (offset / segmentSize + 1) * segmentSize;
    }

    public long maxOffset() {
        return writePosition;
    }

    public long flushedOffset() {
        return flushedPosition;
    }

    public long minOffset() {
        Segment first = segments.first();
        return first == null ? writePosition : first.startOffset();
    }

    public long segmentSize() {
        return segmentSize;
    }

    public int segmentCount() {
        return segments.size();
    }

    /** Segments oldest first; the last one is the active segment. */
    public List<Segment> segments() {
        return segments.all();
    }

    /** Runs {@code action} under the put lock (changes to state that appends read, e.g. queue offsets). */
    public void underPutLock(Runnable action) {
        putLock.lock();
        try {
            action.run();
        } finally {
            putLock.unlock();
        }
    }

    /** Retention: deletes a segment that is not the active one. */
    public void deleteSegment(Segment segment) throws IOException {
        putLock.lock();
        try {
            if (segment == segments.last()) {
                throw new IllegalStateException("the active segment is never deleted");
            }
        } finally {
            putLock.unlock();
        }
        segments.remove(segment);
    }

    /**
     * Recovery: keeps {@code [min, validEnd)}; zeroes the rest of the segment holding validEnd and deletes all
     * later segments. Single-threaded, before services start.
     */
    public void truncateTo(long validEnd, long lastStoreTimestamp) throws IOException {
        for (Segment s : segments.all()) {
            if (s.startOffset() > validEnd) {
                segments.remove(s);
            } else if (validEnd < s.endOffset()) {
                s.zeroFrom(validEnd - s.startOffset());
                s.force(fileSync);
            }
        }
        this.writePosition = Math.max(validEnd, minOffset());
        this.flushedPosition = writePosition;
        this.lastStoreTimestamp = lastStoreTimestamp;
    }

    public void close() {
        segments.closeAll();
    }
}
