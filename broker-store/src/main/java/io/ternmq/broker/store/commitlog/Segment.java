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
 * space reads as zeros (which never parse as a record). Writes are positional channel writes; whole-record reads
 * ({@link #readFully} copies, {@link #view} does not) go through a read-only mapping of the file, made on the first
 * such read, because a {@code pread} into a heap buffer costs a system call and a second copy (through a temporary
 * direct buffer) per record, which dominated the fetch path. Channel writes land in the same page cache, so the
 * mapping sees every byte written before a reader learned its offset. The mapping is never unmapped explicitly: a
 * reader may still use it or a view of it after {@link #delete()}, which is harmless on Linux (the pages live until
 * the buffer is collected) and cannot fault, since files only shrink in {@link #zeroFrom} during recovery, before
 * any reader, and that drops the mapping. Safe for concurrent readers and one writer.
 */
public final class Segment {
    private final Path path;
    private final long startOffset;
    private final long size;
    private final FileChannel channel;
    /** Read-only view of the whole file, made by the first {@link #readFully}; null until then. */
    private volatile MappedByteBuffer readView;

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

    void write(ByteBuffer source, long filePosition) throws IOException {
        long position = filePosition;
        while (source.hasRemaining()) {
            position += channel.write(source, position);
        }
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
        MappedByteBuffer view = readView;
        if (view == null) {
            if (size > Integer.MAX_VALUE) { // a mapping holds at most 2 GiB: read through the channel instead
                return read(ByteBuffer.wrap(target, targetOffset, length), filePosition) == length;
            }
            view = mapForReading();
        }
        view.get((int) filePosition, target, targetOffset, length);
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
        MappedByteBuffer view = readView;
        if (view == null) {
            view = mapForReading();
        }
        return view.slice((int) filePosition, length);
    }

    /** Whether {@link #view} returns slices of a mapping rather than heap copies (a mapping holds at most 2 GiB). */
    boolean mappable() {
        return size <= Integer.MAX_VALUE;
    }

    private synchronized MappedByteBuffer mapForReading() throws IOException {
        MappedByteBuffer view = readView;
        if (view == null) {
            view = channel.map(FileChannel.MapMode.READ_ONLY, 0, size);
            readView = view;
        }
        return view;
    }

    void force(FileSync sync) throws IOException {
        sync.force(channel);
    }

    /** Drops everything from {@code filePosition} on: cut the file there, then grow it back with zeros. */
    void zeroFrom(long filePosition) throws IOException {
        readView = null; // a mapping over the cut part would fault on access
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
