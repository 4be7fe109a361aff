package io.ternmq.broker.store.consumequeue;

import io.ternmq.broker.store.io.DirectorySync;
import io.ternmq.broker.store.io.FileNames;
import io.ternmq.broker.store.io.FileSync;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.ToLongFunction;
import java.util.stream.Stream;
import java.util.zip.CRC32C;

/**
 * The ConsumeQueue of one (topic, queue): fixed-size {@link ConsumeQueueEntry}s in files of
 * {@code entriesPerFile} entries under {@code consumequeue/{topic}/{queueId}/}, each named by the 20-digit index
 * of its first entry. Files are not pre-allocated: they grow as entries are written ({@link QueueFile}, through a
 * mapping of the part being written), so the newest file holds its entries and then possibly some zeros.
 *
 * <p>Entries are indexed by entry number, not queue offset (a batch entry covers several offsets), so lookups
 * binary-search on {@code baseQueueOffset}, {@code storeTimestamp} or {@code commitLogOffset}, all of which grow
 * along the queue.
 *
 * <p>Threads: one writer (the dispatcher, or recovery before it starts) and many readers.
 *
 * <p>Crash behaviour: entries are cache data derived from the CommitLog. After a crash the tail may be torn or
 * zero-filled; {@link #load} keeps entries up to the first one failing its CRC (zeros fail it), and recovery then truncates entries
 * past the dispatched checkpoint and re-dispatches them from the CommitLog.
 */
public final class ConsumeQueue {
    private static final int PENDING_MAX = 1024;
    private final Path dir;
    private final String topic;
    private final int queueId;
    private final int entriesPerFile;
    private final ConcurrentSkipListMap<Long, QueueFile> files = new ConcurrentSkipListMap<>();
    private final CRC32C writeCrc = new CRC32C();
    private final ByteBuffer pending = ByteBuffer.allocate(ConsumeQueueEntry.SIZE * PENDING_MAX);
    private int pendingCount;
    private long pendingFirstBase;
    private long pendingEnd;
    private volatile long minEntry;
    private volatile long entryCount;
    private volatile long minQueueOffset;
    private volatile long maxQueueOffset;
    private long flushedEntryCount;
    private volatile boolean deleted;
    /**
     * The entry the last offset lookup found, or the last entry a read went on to ({@link #rememberLookup}):
     * consumers read on from where they stopped, so the next lookup usually wants it or the one after it, and
     * checking those two costs two reads instead of a binary search's dozen or so. A hint only: every use re-reads
     * and checks the entry.
     */
    private volatile long lookupHint = -1;

    private ConsumeQueue(Path dir, String topic, int queueId, int entriesPerFile) {
        this.dir = dir;
        this.topic = topic;
        this.queueId = queueId;
        this.entriesPerFile = entriesPerFile;
    }

    static ConsumeQueue create(Path dir, String topic, int queueId, int entriesPerFile) {
        return new ConsumeQueue(dir, topic, queueId, entriesPerFile);
    }

    /** Opens existing files, keeping the valid prefix of the newest one. */
    static ConsumeQueue load(Path dir, String topic, int queueId, int entriesPerFile) throws IOException {
        ConsumeQueue cq = new ConsumeQueue(dir, topic, queueId, entriesPerFile);
        List<Long> starts = new ArrayList<>();
        try (Stream<Path> list = Files.list(dir)) {
            list.map(p -> FileNames.parseOffset(p.getFileName().toString())).filter(s -> s >= 0)
                    .filter(s -> s % entriesPerFile == 0).sorted(Comparator.naturalOrder()).forEach(starts::add);
        }
        for (long start : starts) {
            cq.files.put(start, QueueFile.open(dir.resolve(FileNames.ofOffset(start)), cq.fileCapacity(), false));
        }
        if (starts.isEmpty()) {
            return cq;
        }
        long lastStart = starts.get(starts.size() - 1);
        long entriesInLast = Math.min(entriesPerFile, cq.files.get(lastStart).size() / ConsumeQueueEntry.SIZE);
        cq.entryCount = lastStart + entriesInLast;
        cq.minEntry = starts.get(0);
        // Validate the newest file up to its first invalid entry: that is where a crash leaves torn entries, and
        // where the zeros past the last written entry begin.
        long valid = lastStart;
        for (long i = lastStart; i < cq.entryCount; i++) {
            if (cq.entry(i) == null) {
                break;
            }
            valid = i + 1;
        }
        cq.truncateEntries(valid);
        cq.flushedEntryCount = cq.entryCount;
        cq.refreshBounds();
        return cq;
    }

    public String topic() {
        return topic;
    }

    public int queueId() {
        return queueId;
    }

    public long minOffset() {
        return minQueueOffset;
    }

    public long maxOffset() {
        return maxQueueOffset;
    }

    public long minEntry() {
        return minEntry;
    }

    public long entryCount() {
        return entryCount;
    }

    /**
     * Adds one entry (dispatcher thread only). It becomes visible to readers at the next {@link #commit()}, so the
     * dispatcher writes many entries with one system call.
     */
    public void append(ConsumeQueueEntry e) throws IOException {
        long index = entryCount + pendingCount;
        if (pendingCount == PENDING_MAX || (pendingCount > 0 && index % entriesPerFile == 0)) {
            commit();
        }
        if (pendingCount == 0) {
            pendingFirstBase = e.baseQueueOffset();
        }
        e.writeTo(pending, writeCrc);
        pendingCount++;
        pendingEnd = e.endQueueOffset();
    }

    /** Max offset including entries not yet committed (dispatcher thread only). */
    public long appendedMaxOffset() {
        return pendingCount > 0 ? pendingEnd : maxQueueOffset;
    }

    /** Writes pending entries and makes them visible (dispatcher thread only). */
    public void commit() throws IOException {
        if (deleted) {
            pending.clear(); // deleteTopic raced the dispatcher: the entries have nowhere to go
            pendingCount = 0;
            return;
        }
        if (pendingCount == 0) {
            return;
        }
        long index = entryCount;
        long fileStart = index - index % entriesPerFile;
        QueueFile file = files.get(fileStart);
        if (file == null) {
            file = createFile(fileStart);
        }
        pending.flip();
        file.write(pending, (index - fileStart) * ConsumeQueueEntry.SIZE);
        pending.clear();
        if ((index + pendingCount) % entriesPerFile == 0) {
            file.releaseMapping(); // full: the next entry opens the next file
        }
        if (entryCount == minEntry) {
            minQueueOffset = pendingFirstBase;
        }
        maxQueueOffset = pendingEnd;
        entryCount = index + pendingCount;
        pendingCount = 0;
    }

    private long fileCapacity() {
        return (long) entriesPerFile * ConsumeQueueEntry.SIZE;
    }

    private QueueFile createFile(long fileStart) throws IOException {
        boolean newQueue = !Files.isDirectory(dir);
        Files.createDirectories(dir);
        QueueFile file = QueueFile.open(dir.resolve(FileNames.ofOffset(fileStart)), fileCapacity(), true);
        DirectorySync.fsync(dir);
        if (newQueue) {
            // The queue and maybe the topic directory are new too: make their entries durable.
            DirectorySync.fsync(dir.getParent());
            DirectorySync.fsync(dir.getParent().getParent());
        }
        files.put(fileStart, file);
        return file;
    }

    /** @return the entry, or null when it is outside {@code [minEntry, entryCount)}, unreadable or damaged */
    public ConsumeQueueEntry entry(long index) {
        List<ConsumeQueueEntry> one = entries(index, 1);
        return one.isEmpty() ? null : one.get(0);
    }

    /**
     * Up to {@code max} consecutive entries from {@code index}, read with one system call: fewer when the queue or
     * the file ends first, or before the first damaged entry; empty when {@code index} is outside {@code [minEntry,
     * entryCount)}.
     */
    public List<ConsumeQueueEntry> entries(long index, int max) {
        if (index < minEntry || index >= entryCount || max <= 0) {
            return List.of();
        }
        Map.Entry<Long, QueueFile> file = files.floorEntry(index);
        if (file == null) {
            return List.of();
        }
        long fileEnd = file.getKey() + entriesPerFile;
        int count = (int) Math.min(max, Math.min(entryCount, fileEnd) - index);
        ByteBuffer b = ByteBuffer.allocate(count * ConsumeQueueEntry.SIZE);
        try {
            // a file that ends first leaves b partly filled: the whole entries read are still served
            file.getValue().read(b, (index - file.getKey()) * ConsumeQueueEntry.SIZE);
        } catch (IOException e) {
            return List.of(); // file removed by retention or deleteTopic while we read
        }
        b.flip();
        List<ConsumeQueueEntry> out = new ArrayList<>(count);
        CRC32C crc = new CRC32C();
        while (b.remaining() >= ConsumeQueueEntry.SIZE) {
            ConsumeQueueEntry e = ConsumeQueueEntry.readFrom(b, crc);
            if (e == null) {
                break;
            }
            out.add(e);
        }
        return out;
    }

    /** Index of the entry holding {@code queueOffset}, or -1 when it is not in the queue. */
    public long findEntryByQueueOffset(long queueOffset) {
        if (queueOffset < minQueueOffset || queueOffset >= maxQueueOffset) {
            return -1;
        }
        long hint = lookupHint;
        for (long candidate = hint; hint >= 0 && candidate <= hint + 1; candidate++) {
            ConsumeQueueEntry e = entry(candidate);
            if (e != null && e.baseQueueOffset() <= queueOffset && queueOffset < e.endQueueOffset()) {
                lookupHint = candidate;
                return candidate;
            }
        }
        long found = lastEntryAtOrBelow(queueOffset, ConsumeQueueEntry::baseQueueOffset);
        if (found >= 0) {
            lookupHint = found;
        }
        return found;
    }

    /**
     * Tells the next {@link #findEntryByQueueOffset} where to look first: the last entry a read went on to, which
     * holds (or precedes) the offset the reader continues from. A read of a few hundred messages spans several
     * batch entries, so the entry its lookup found is no longer the one the next read starts in. Out-of-range
     * indexes are ignored; a wrong hint only costs the binary search it failed to spare.
     */
    public void rememberLookup(long entryIndex) {
        if (entryIndex >= minEntry && entryIndex < entryCount) {
            lookupHint = entryIndex;
        }
    }

    /** Index of the first entry stored at or after {@code timestamp}, or {@link #entryCount()} when none. */
    public long findEntryByTimestamp(long timestamp) {
        return firstEntryAtOrAbove(timestamp, ConsumeQueueEntry::storeTimestamp);
    }

    /** Recovery: drops entries pointing at or past {@code commitLogOffset}. */
    public void truncateFromCommitLogOffset(long commitLogOffset) throws IOException {
        long first = firstEntryAtOrAbove(commitLogOffset, ConsumeQueueEntry::commitLogOffset);
        if (first < entryCount) {
            truncateEntries(first);
            refreshBounds();
        }
    }

    /** Retention: hides entries pointing below {@code commitLogMinOffset} and deletes files wholly below it. */
    public void dropBelowCommitLogOffset(long commitLogMinOffset) throws IOException {
        long first = firstEntryAtOrAbove(commitLogMinOffset, ConsumeQueueEntry::commitLogOffset);
        if (first <= minEntry) {
            return;
        }
        minEntry = first;
        refreshBounds();
        // Never delete the newest file: it remembers the max offset across restarts even when all is expired.
        for (Long start : new ArrayList<>(files.headMap(files.lastKey()).keySet())) {
            if (start + entriesPerFile <= first) {
                QueueFile removed = files.remove(start);
                removed.close();
                Files.deleteIfExists(dir.resolve(FileNames.ofOffset(start)));
            }
        }
        DirectorySync.fsync(dir);
    }

    /** Forces files that received entries since the last flush. */
    public void flush(FileSync sync) throws IOException {
        long target = entryCount;
        if (target == flushedEntryCount || deleted) {
            return;
        }
        long from = flushedEntryCount - flushedEntryCount % entriesPerFile;
        try {
            for (QueueFile file : files.tailMap(from, true).values()) {
                file.force(sync);
            }
        } catch (ClosedChannelException e) {
            if (deleted) {
                return; // deleteTopic closed it meanwhile; nothing left to make durable
            }
            throw e;
        }
        flushedEntryCount = target;
    }

    public void close() {
        for (QueueFile file : files.values()) {
            try {
                file.close();
            } catch (IOException ignored) {
                // read-mostly channel; nothing to recover on close
            }
        }
    }

    /** deleteTopic: closes and removes this queue's files and directory. */
    void deleteFiles() throws IOException {
        deleted = true;
        close();
        files.clear();
        if (Files.isDirectory(dir)) {
            try (Stream<Path> list = Files.list(dir)) {
                for (Path p : (Iterable<Path>) list::iterator) {
                    Files.deleteIfExists(p);
                }
            }
            Files.deleteIfExists(dir);
        }
    }

    private void truncateEntries(long newCount) throws IOException {
        ConsumeQueueEntry firstRemoved = newCount < entryCount ? entry(newCount) : null;
        if (firstRemoved != null) {
            // The queue ends where the first removed entry began, even if nothing is left before it.
            maxQueueOffset = firstRemoved.baseQueueOffset();
            minQueueOffset = Math.min(minQueueOffset, maxQueueOffset);
        }
        for (Map.Entry<Long, QueueFile> file : new ArrayList<>(files.entrySet())) {
            long start = file.getKey();
            if (start >= newCount && start > minEntry) {
                files.remove(start).close();
                Files.deleteIfExists(dir.resolve(FileNames.ofOffset(start)));
            } else if (start + entriesPerFile > newCount) {
                file.getValue().truncate((newCount - start) * ConsumeQueueEntry.SIZE);
            }
        }
        entryCount = Math.max(newCount, minEntry);
        flushedEntryCount = Math.min(flushedEntryCount, entryCount);
        DirectorySync.fsync(dir);
    }

    private void refreshBounds() {
        ConsumeQueueEntry last = entry(entryCount - 1);
        ConsumeQueueEntry first = entry(minEntry);
        maxQueueOffset = last == null ? maxQueueOffset : last.endQueueOffset();
        minQueueOffset = first == null ? maxQueueOffset : first.baseQueueOffset();
    }

    private long lastEntryAtOrBelow(long value, ToLongFunction<ConsumeQueueEntry> key) {
        long lo = minEntry;
        long hi = entryCount - 1;
        long found = -1;
        while (lo <= hi) {
            long mid = (lo + hi) >>> 1;
            ConsumeQueueEntry e = entry(mid);
            if (e == null) {
                return -1;
            }
            if (key.applyAsLong(e) <= value) {
                found = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return found;
    }

    private long firstEntryAtOrAbove(long value, ToLongFunction<ConsumeQueueEntry> key) {
        long lo = minEntry;
        long hi = entryCount;
        while (lo < hi) {
            long mid = (lo + hi) >>> 1;
            ConsumeQueueEntry e = entry(mid);
            if (e == null || key.applyAsLong(e) >= value) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }
}
