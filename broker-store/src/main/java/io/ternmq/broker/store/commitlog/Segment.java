package io.ternmq.broker.store.commitlog;

import io.ternmq.broker.store.io.FileSync;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One CommitLog segment file of fixed size, named by its start offset. Created sparse at full size, so unwritten
 * space reads as zeros (which never parse as a record).
 *
 * <p>Writes and whole-record reads ({@link #readFully} copies, {@link #view} does not) go through one shared
 * read-write mapping of the file, made on first use. Why: a positional {@code pwrite} per record costs a system
 * call plus an inode time update, and with one queue per topic (small batches, one record each) that was the
 * largest cost of an append; likewise a {@code pread} into a heap buffer costs a system call and a second copy per
 * record on the fetch path. Bytes copied into the mapping are in the page cache when {@link #write} returns, as
 * after a {@code pwrite}: they survive a process crash, and {@link #force} ({@code fsync}) makes them durable,
 * since on Linux an fsync writes back pages dirtied through a shared mapping too. Readers use the same mapping,
 * so they see every byte written before they learned its offset (published through a volatile write position).
 *
 * <p>A write into a page of the sparse file that the file system cannot allocate (disk full) raises a bus error
 * inside the copy, which the JVM reports as an {@link InternalError}; {@link #write} turns it into an
 * {@link IOException}, which the CommitLog treats like a failed {@code pwrite} (store no longer writable).
 * Segments too large for one mapping (over 2 GiB) fall back to channel writes and reads.
 *
 * <p>The mapping is never unmapped explicitly: a reader may still use it or a view of it after {@link #delete()},
 * which is harmless on Linux (the pages live until the buffer is collected) and cannot fault, since files only
 * shrink in {@link #zeroFrom} during recovery, before any reader, and that drops the mapping. Safe for concurrent
 * readers and one writer.
 */
public final class Segment {
    private final Path path;
    private final long startOffset;
    private final long size;
    private final FileChannel channel;
    /** Read-write mapping of the whole file, made by the first write or read through it; null until then. */
    private volatile MappedByteBuffer mapping;

    private Segment(Path path, long startOffset, long size, FileChannel channel) {
        this.path = path;
        this.startOffset = startOffset;
        this.size = size;
        this.channel = channel;
    }

    /** Creates the file (sparse, full size). The caller fsyncs the directory. */
    static Segment create(Path path, long startOffset, long size) throws IOException {
        FileChannel channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        Segment segment = new Segment(path, startOffset, size, channel);
        segment.ensureFullSize();
        return segment;
    }

    static Segment open(Path path, long startOffset, long size) throws IOException {
        return create(path, startOffset, size);
    }

    public long startOffset() {
        return startOffset;
    }

    public long endOffset() {
        return startOffset + size;
    }

    public Path path() {
        return path;
    }

    /** Copies the bytes of {@code source} (position to limit) to {@code filePosition}; consumes the buffer. */
    void write(ByteBuffer source, long filePosition) throws IOException {
        if (!mappable()) {
            long position = filePosition;
            while (source.hasRemaining()) {
                position += channel.write(source, position);
            }
            return;
        }
        if (filePosition < 0 || filePosition + source.remaining() > size) {
            throw new IOException("write of " + source.remaining() + " bytes at " + filePosition
                    + " outside segment " + path);
        }
        MappedByteBuffer map = mapping();
        try {
            map.put((int) filePosition, source, source.position(), source.remaining());
        } catch (InternalError fault) { // SIGBUS: the file system could not back the page (disk full)
            throw new IOException("write to " + path + " at " + filePosition + " failed: " + fault.getMessage(),
                    fault);
        }
        source.position(source.limit());
    }

    /** Reads until {@code target} is full or the file ends. */
    int read(ByteBuffer target, long filePosition) throws IOException {
        int total = 0;
        while (target.hasRemaining()) {
            int n = channel.read(target, filePosition + total);
            if (n < 0) {
                break;
            }
            total += n;
        }
        return total;
    }

    /**
     * Copies {@code length} bytes at {@code filePosition} into {@code target} from the read-only mapping.
     *
     * @return false when the range lies outside the file
     */
    boolean readFully(byte[] target, int targetOffset, int length, long filePosition) throws IOException {
        if (filePosition < 0 || length < 0 || filePosition + length > size) {
            return false;
        }
        if (!mappable()) {
            return read(ByteBuffer.wrap(target, targetOffset, length), filePosition) == length;
        }
        mapping().get((int) filePosition, target, targetOffset, length);
        return true;
    }

    /**
     * A read-only view of {@code length} bytes at {@code filePosition}: a slice of the mapping (no copy), or for a
     * segment too large to map, a heap copy.
     *
     * @return null when the range lies outside the file
     */
    ByteBuffer view(long filePosition, int length) throws IOException {
        if (filePosition < 0 || length < 0 || filePosition + length > size) {
            return null;
        }
        if (!mappable()) {
            byte[] copy = new byte[length];
            return readFully(copy, 0, length, filePosition) ? ByteBuffer.wrap(copy).asReadOnlyBuffer() : null;
        }
        return mapping().slice((int) filePosition, length).asReadOnlyBuffer();
    }

    /** A mapping holds at most 2 GiB; larger segments are written and read through the channel. */
    private boolean mappable() {
        return size <= Integer.MAX_VALUE;
    }

    private MappedByteBuffer mapping() throws IOException {
        MappedByteBuffer map = mapping;
        return map != null ? map : map();
    }

    private synchronized MappedByteBuffer map() throws IOException {
        MappedByteBuffer map = mapping;
        if (map == null) {
            map = channel.map(FileChannel.MapMode.READ_WRITE, 0, size);
            mapping = map;
        }
        return map;
    }

    void force(FileSync sync) throws IOException {
        sync.force(channel);
    }

    /** Drops everything from {@code filePosition} on: cut the file there, then grow it back with zeros. */
    void zeroFrom(long filePosition) throws IOException {
        mapping = null; // a mapping over the cut part would fault on access
        channel.truncate(filePosition);
        ensureFullSize();
    }

    public long lastModifiedMillis() {
        try {
            return Files.getLastModifiedTime(path).toMillis();
        } catch (IOException e) {
            return 0;
        }
    }

    void close() {
        try {
            channel.close();
        } catch (IOException ignored) {
            // Closing a channel we only read or already forced; nothing to recover.
        }
    }

    void delete() throws IOException {
        close();
        Files.deleteIfExists(path);
    }

    private void ensureFullSize() throws IOException {
        if (channel.size() < size) {
            channel.write(ByteBuffer.allocate(1), size - 1);
        }
    }
}
