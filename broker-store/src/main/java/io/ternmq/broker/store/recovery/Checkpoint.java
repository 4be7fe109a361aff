package io.ternmq.broker.store.recovery;

import io.ternmq.broker.store.AtomicFiles;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.CRC32C;

/**
 * The {@code checkpoint} file: how far the CommitLog was fsynced and how far its records were dispatched into
 * ConsumeQueues and the index (and those files fsynced) when it was written. Replaced atomically
 * ({@link AtomicFiles}), so it is always a complete old or new value, and it only ever records positions that were
 * already durable when written.
 *
 * <p>Layout, {@value #SIZE} bytes, big-endian:
 * <pre>
 *  0 4 magic 0x54434B50 ("TCKP")
 *  4 4 version 1
 *  8 8 flushedOffset     CommitLog bytes below this were fsynced
 * 16 8 dispatchedOffset  records below this have durable ConsumeQueue and index entries
 * 24 8 writtenAtMs       wall-clock time of writing (diagnostics only)
 * 32 4 crc               CRC32C of bytes [0,32)
 * </pre>
 *
 * @param flushedOffset    CommitLog bytes below this were fsynced
 * @param dispatchedOffset records below this have durable ConsumeQueue and index entries
 */
public record Checkpoint(long flushedOffset, long dispatchedOffset, long writtenAtMs) {
    static final int SIZE = 36;
    private static final int MAGIC = 0x54434B50;

    public void writeTo(Path file) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(SIZE);
        b.putInt(MAGIC).putInt(1).putLong(flushedOffset).putLong(dispatchedOffset).putLong(writtenAtMs);
        CRC32C crc = new CRC32C();
        crc.update(b.array(), 0, 32);
        b.putInt((int) crc.getValue());
        AtomicFiles.write(file, b.array());
    }

    /** @return the checkpoint, or null when the file is missing or damaged (recovery then scans everything) */
    public static Checkpoint readFrom(Path file) throws IOException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return null;
        }
        if (bytes.length != SIZE) {
            return null;
        }
        ByteBuffer b = ByteBuffer.wrap(bytes);
        CRC32C crc = new CRC32C();
        crc.update(bytes, 0, 32);
        if (b.getInt(0) != MAGIC || b.getInt(4) != 1 || b.getInt(32) != (int) crc.getValue()) {
            return null;
        }
        return new Checkpoint(b.getLong(8), b.getLong(16), b.getLong(24));
    }
}
