package io.ternmq.broker.store.index;

import io.ternmq.broker.store.io.DirectorySync;
import io.ternmq.broker.store.io.FileNames;
import io.ternmq.broker.store.io.FileSync;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.stream.Stream;
import java.util.zip.CRC32C;

/**
 * Key and id index: append-only files of {@link IndexEntry} items under {@code index/}, {@value #ENTRIES_PER_FILE}
 * per file, named by the 20-digit number of their first item. Items with the same key hash are chained on disk
 * through {@code previous} per hash slot: a fixed table of {@value #SLOT_COUNT} slots in memory holds the newest
 * item of each slot and is rebuilt by one sequential pass over the files at start. Memory is fixed (8 bytes a
 * slot) however many keys there are; keys whose hashes share a slot share a chain and lookups skip the others.
 *
 * <p>Threads: one writer (the dispatcher, or recovery), many readers. An item is written before its hash's head
 * moves to it, so readers never follow a chain into unwritten bytes.
 *
 * <p>Crash behaviour: index items are derived from the CommitLog. A torn or zero-filled tail fails its CRC and is
 * cut at load; recovery then cuts items past the dispatched checkpoint and re-dispatches them.
 */
public final class IndexStore {
    static final int ENTRIES_PER_FILE = 1 << 20;
    private static final int MAX_CHAIN_STEPS = 100_000;
    static final int SLOT_COUNT = 1 << 21;
    private static final long NO_ITEM = -1;

    private final Path dir;
    private final ConcurrentSkipListMap<Long, FileChannel> files = new ConcurrentSkipListMap<>();
    private final AtomicLongArray heads = new AtomicLongArray(SLOT_COUNT);
    private static final int PENDING_MAX = 1024;
    private final ByteBuffer pending = ByteBuffer.allocate(IndexEntry.SIZE * PENDING_MAX);
    private final PendingHeads pendingHeads = new PendingHeads(PENDING_MAX);
    // items appended since the last commit, encoded at commit (see encodePending)
    private final long[] pendingKeys = new long[PENDING_MAX];
    private final long[] pendingOffsets = new long[PENDING_MAX];
    private final long[] pendingTimestamps = new long[PENDING_MAX];
    private final int[] pendingIndexes = new int[PENDING_MAX];
    private final long[] pendingPrevious = new long[PENDING_MAX];
    private int pendingCount;
    private final CRC32C writeCrc = new CRC32C();
    private volatile long minEntry;
    private volatile long entryCount;
    private long flushedCount;

    private IndexStore(Path dir) {
        this.dir = dir;
    }

    /** Opens the files, cuts a damaged tail and rebuilds the chain heads. */
    public static IndexStore open(Path dir) throws IOException {
        IndexStore store = new IndexStore(dir);
        Files.createDirectories(dir);
        List<Long> starts = new ArrayList<>();
        try (Stream<Path> list = Files.list(dir)) {
            list.map(p -> FileNames.parseOffset(p.getFileName().toString())).filter(s -> s >= 0).sorted()
                    .forEach(starts::add);
        }
        for (long start : starts) {
            store.files.put(start, FileChannel.open(dir.resolve(FileNames.ofOffset(start)), StandardOpenOption.READ,
                    StandardOpenOption.WRITE));
        }
        if (!starts.isEmpty()) {
            long last = starts.get(starts.size() - 1);
            store.minEntry = starts.get(0);
            store.entryCount = last + Math.min(ENTRIES_PER_FILE, store.files.get(last).size() / IndexEntry.SIZE);
        }
        store.rebuildHeads();
        return store;
    }

    /** Adds one item (dispatcher thread only); visible to lookups after {@link #commit()}. */
    public void append(long keyHash, long commitLogOffset, long storeTimestamp, int indexInEntry) throws IOException {
        long number = entryCount + pendingCount;
        if (pendingCount == PENDING_MAX || (pendingCount > 0 && number % ENTRIES_PER_FILE == 0)) {
            commit();
        }
        pendingKeys[pendingCount] = keyHash;
        pendingOffsets[pendingCount] = commitLogOffset;
        pendingTimestamps[pendingCount] = storeTimestamp;
        pendingIndexes[pendingCount] = indexInEntry;
        pendingCount++;
    }

    /** Writes pending items, then moves the chain heads to them (dispatcher thread only). */
    public void commit() throws IOException {
        if (pendingCount == 0) {
            return;
        }
        long number = entryCount;
        encodePending(number);
        long fileStart = number - number % ENTRIES_PER_FILE;
        FileChannel channel = files.get(fileStart);
        if (channel == null) {
            channel = FileChannel.open(dir.resolve(FileNames.ofOffset(fileStart)), StandardOpenOption.CREATE,
                    StandardOpenOption.READ, StandardOpenOption.WRITE);
            DirectorySync.fsync(dir);
            files.put(fileStart, channel);
        }
        pending.flip();
        long position = (number - fileStart) * IndexEntry.SIZE;
        while (pending.hasRemaining()) {
            position += channel.write(pending, position);
        }
        pending.clear();
        entryCount = number + pendingCount;
        pendingHeads.moveHeads(heads);
        pendingCount = 0;
    }

    /**
     * Serialises the pending items, each chained to the newest earlier item of its slot. The heads of the slots are
     * loaded in a pass of their own first: the head table is 16 MiB, so nearly every load misses the caches, and a
     * tight loop of independent loads lets the processor wait for many of them at once instead of one per item.
     */
    private void encodePending(long firstNumber) {
        pending.clear(); // a commit whose write failed left its encoding behind; it is redone from the items
        pendingHeads.clear();
        for (int i = 0; i < pendingCount; i++) {
            pendingPrevious[i] = heads.getPlain(slotOf(pendingKeys[i])); // this thread is the only writer
        }
        for (int i = 0; i < pendingCount; i++) {
            int slot = slotOf(pendingKeys[i]);
            long previous = pendingHeads.newest(slot, pendingPrevious[i]);
            new IndexEntry(pendingKeys[i], pendingOffsets[i], pendingTimestamps[i], previous, pendingIndexes[i])
                    .writeTo(pending, writeCrc);
            pendingHeads.put(slot, firstNumber + i);
        }
    }

    /**
     * Items of this hash stored within {@code [begin, end]}, newest first.
     */
    public List<IndexEntry> lookup(long keyHash, long beginTimestamp, long endTimestamp, int maxResults) {
        List<IndexEntry> out = new ArrayList<>();
        long number = heads.get(slotOf(keyHash));
        int steps = 0;
        CRC32C crc = new CRC32C();
        while (number >= 0 && number >= minEntry && out.size() < maxResults && steps++ < MAX_CHAIN_STEPS) {
            IndexEntry e = read(number, crc);
            if (e == null || e.storeTimestamp() < beginTimestamp) {
                break; // chains run newest to oldest: nothing older can be in range
            }
            if (e.keyHash() == keyHash && e.storeTimestamp() <= endTimestamp) {
                out.add(e); // other hashes share the slot's chain: skip them
            }
            number = e.previous();
        }
        return out;
    }

    /** Recovery: drops items pointing at or past {@code commitLogOffset}, then rebuilds the heads. */
    public void truncateFromCommitLogOffset(long commitLogOffset) throws IOException {
        CRC32C crc = new CRC32C();
        long lo = minEntry;
        long hi = entryCount;
        while (lo < hi) {
            long mid = (lo + hi) >>> 1;
            IndexEntry e = read(mid, crc);
            if (e == null || e.commitLogOffset() >= commitLogOffset) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        if (lo < entryCount) {
            for (Map.Entry<Long, FileChannel> f : new ArrayList<>(files.entrySet())) {
                if (f.getKey() >= lo && f.getKey() > minEntry) {
                    files.remove(f.getKey()).close();
                    Files.deleteIfExists(dir.resolve(FileNames.ofOffset(f.getKey())));
                } else if (f.getKey() + ENTRIES_PER_FILE > lo) {
                    f.getValue().truncate((lo - f.getKey()) * IndexEntry.SIZE);
                }
            }
            DirectorySync.fsync(dir);
            entryCount = Math.max(lo, minEntry);
            flushedCount = Math.min(flushedCount, entryCount);
            rebuildHeads();
        }
    }

    /** Retention: deletes whole files whose items all point below {@code commitLogMinOffset}. */
    public void dropBelowCommitLogOffset(long commitLogMinOffset) throws IOException {
        CRC32C crc = new CRC32C();
        boolean deleted = false;
        for (Long start : new ArrayList<>(files.headMap(files.isEmpty() ? 0L : files.lastKey()).keySet())) {
            IndexEntry last = read(Math.min(start + ENTRIES_PER_FILE, entryCount) - 1, crc);
            if (last != null && last.commitLogOffset() < commitLogMinOffset) {
                minEntry = start + ENTRIES_PER_FILE;
                files.remove(start).close();
                Files.deleteIfExists(dir.resolve(FileNames.ofOffset(start)));
                deleted = true;
            }
        }
        if (deleted) {
            DirectorySync.fsync(dir);
        }
    }

    public void flush(FileSync sync) throws IOException {
        long target = entryCount;
        if (target == flushedCount) {
            return;
        }
        long from = flushedCount - flushedCount % ENTRIES_PER_FILE;
        for (FileChannel channel : files.tailMap(from, true).values()) {
            sync.force(channel);
        }
        flushedCount = target;
    }

    public long entryCount() {
        return entryCount;
    }

    public void close() {
        for (FileChannel channel : files.values()) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // flushed before close; nothing to recover
            }
        }
    }

    /** One sequential pass: keeps the valid prefix and records the newest item of each hash. */
    private void rebuildHeads() throws IOException {
        for (int i = 0; i < SLOT_COUNT; i++) {
            heads.set(i, NO_ITEM);
        }
        CRC32C crc = new CRC32C();
        ByteBuffer chunk = ByteBuffer.allocate(IndexEntry.SIZE * 4096);
        for (Map.Entry<Long, FileChannel> f : files.entrySet()) {
            long start = f.getKey();
            long end = Math.min(start + ENTRIES_PER_FILE, entryCount);
            for (long n = start; n < end; ) {
                chunk.clear();
                chunk.limit((int) Math.min(chunk.capacity(), (end - n) * IndexEntry.SIZE));
                f.getValue().read(chunk, (n - start) * IndexEntry.SIZE);
                chunk.flip();
                while (chunk.remaining() >= IndexEntry.SIZE) {
                    IndexEntry e = IndexEntry.readFrom(chunk, crc);
                    if (e == null) {
                        truncateTail(n);
                        return;
                    }
                    heads.set(slotOf(e.keyHash()), n);
                    n++;
                }
                if (chunk.hasRemaining() || chunk.limit() == 0) {
                    truncateTail(n);
                    return;
                }
            }
        }
    }

    private static int slotOf(long keyHash) {
        return (int) ((keyHash ^ (keyHash >>> 32)) & (SLOT_COUNT - 1));
    }

    private void truncateTail(long validCount) throws IOException {
        Map.Entry<Long, FileChannel> f = files.floorEntry(validCount);
        if (f != null) {
            f.getValue().truncate((validCount - f.getKey()) * IndexEntry.SIZE);
        }
        for (Long start : new ArrayList<>(files.tailMap(validCount, false).keySet())) {
            files.remove(start).close();
            Files.deleteIfExists(dir.resolve(FileNames.ofOffset(start)));
        }
        entryCount = validCount;
        flushedCount = Math.min(flushedCount, validCount);
    }

    private IndexEntry read(long number, CRC32C crc) {
        Map.Entry<Long, FileChannel> f = files.floorEntry(number);
        if (f == null || number >= entryCount) {
            return null;
        }
        ByteBuffer b = ByteBuffer.allocate(IndexEntry.SIZE);
        try {
            long position = (number - f.getKey()) * IndexEntry.SIZE;
            while (b.hasRemaining()) {
                if (f.getValue().read(b, position + b.position()) < 0) {
                    return null;
                }
            }
        } catch (IOException e) {
            return null; // file deleted by retention while we read
        }
        b.flip();
        return IndexEntry.readFrom(b, crc);
    }
}
