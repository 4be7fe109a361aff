package io.ternmq.broker.store.consumequeue;

import io.ternmq.broker.store.io.FileSync;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One file of a {@link ConsumeQueue}: the bytes of its entries, written through a shared mapping of the part of the
 * file being written (a window of {@value #WINDOW_BYTES} bytes).
 *
 * <p>Why a mapping: the dispatcher commits each queue's new entries once per group of records, and with one queue
 * per topic (1,000 topics) a group touches hundreds of queues with an entry or two each; one {@code pwrite} per
 * queue (a system call plus an inode time update) was then the dispatcher's largest cost. A copy into a mapping
 * costs no system call, and the bytes are in the page cache as after a {@code pwrite}; {@link #force} (fsync) makes
 * them durable, since on Linux an fsync also writes back pages dirtied through a shared mapping.
 *
 * <p>Layout on disk is unchanged: entries from offset 0, and the file is not pre-allocated. Mapping a window extends
 * the file to the window's end, so the newest file can end in up to one window of zeros; zeros never pass an
 * entry's CRC, and {@link ConsumeQueue#load} cuts them off like a torn tail. A window is a whole number of entries,
 * so no entry straddles two.
 *
 * <p>At most one window is mapped per file, and only while the file is written; it is dropped when the writer moves
 * past it or on to the next file, so an idle or full file holds none (the number of mappings a process may have is
 * limited, {@code vm.max_map_count}). When a window cannot be mapped (that limit) the file is written and read
 * through its channel, as before. Reads use the window when it covers them, else the channel.
 *
 * <p>Threads: one writer (the dispatcher, or recovery before it starts) and many readers; readers only read bytes
 * below an entry count published (volatile) after the bytes were written.
 */
final class QueueFile {
    private static final System.Logger LOG = System.getLogger(QueueFile.class.getName());
    static final int WINDOW_BYTES = ConsumeQueueEntry.SIZE * 4096;
    private final Path path;
    private final FileChannel channel;
    private final long capacity;
    private volatile Window window;
    private boolean unmappable;

    /** A mapping of {@code [start, start + buffer.capacity())} of the file. */
    private record Window(long start, MappedByteBuffer buffer) {
        boolean covers(long position, int length) {
            return position >= start && position + length <= start + buffer.capacity();
        }
    }

    private QueueFile(Path path, FileChannel channel, long capacity) {
        this.path = path;
        this.channel = channel;
        this.capacity = capacity;
    }

    /** Opens (or creates) the file; {@code capacity} is the most bytes it will hold. */
    static QueueFile open(Path path, long capacity, boolean create) throws IOException {
        FileChannel channel = create
                ? FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE)
                : FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE);
        return new QueueFile(path, channel, capacity);
    }

    /** Current length of the file in bytes. */
    long size() throws IOException {
        return channel.size();
    }

    /** Writes all of {@code source} at {@code position} (writer only); consumes the buffer. */
    void write(ByteBuffer source, long position) throws IOException {
        long p = position;
        while (source.hasRemaining()) {
            Window w = windowAt(p);
            if (w == null) {
                p += channel.write(source, p);
                continue;
            }
            int n = (int) Math.min(source.remaining(), w.start + w.buffer.capacity() - p);
            try {
                w.buffer.put((int) (p - w.start), source, source.position(), n);
            } catch (InternalError fault) { // SIGBUS: the file system could not back the page (disk full)
                throw new IOException("write to " + path + " at " + p + " failed: " + fault.getMessage(), fault);
            }
            source.position(source.position() + n);
            p += n;
        }
    }

    /** Fills {@code target} from {@code position}; false when the file ends first. */
    boolean read(ByteBuffer target, long position) throws IOException {
        Window w = window;
        int n = target.remaining();
        if (w != null && w.covers(position, n)) {
            target.put(target.position(), w.buffer, (int) (position - w.start), n);
            target.position(target.position() + n);
            return true;
        }
        long p = position;
        while (target.hasRemaining()) {
            int read = channel.read(target, p);
            if (read < 0) {
                return false;
            }
            p += read;
        }
        return true;
    }

    /** Cuts the file to {@code size} bytes (single-threaded recovery and load only). */
    void truncate(long size) throws IOException {
        window = null; // a mapping over the cut part would fault on access
        channel.truncate(size);
    }

    /** Drops the mapping (the queue moved on to its next file); later reads use the channel. */
    void releaseMapping() {
        window = null;
    }

    void force(FileSync sync) throws IOException {
        sync.force(channel);
    }

    void close() throws IOException {
        window = null;
        channel.close();
    }

    /** The window holding {@code position}, mapped now if needed; null when writes go through the channel. */
    private Window windowAt(long position) {
        Window w = window;
        if (w != null && w.covers(position, 1)) {
            return w;
        }
        if (unmappable || position >= capacity) {
            return null;
        }
        long start = position - position % WINDOW_BYTES;
        long size = Math.min(WINDOW_BYTES, capacity - start);
        try {
            w = new Window(start, channel.map(FileChannel.MapMode.READ_WRITE, start, size)); // extends the file
        } catch (IOException | RuntimeException e) {
            unmappable = true;
            LOG.log(Level.WARNING, "cannot map " + path + " (" + e + "); writing it through its channel");
            return null;
        }
        window = w;
        return w;
    }
}
