package io.ternmq.kafka.producer;

import io.ternmq.broker.store.AtomicFiles;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Hands out Kafka producer ids (InitProducerId for idempotent producers: a new id with epoch 0 every time, as Kafka
 * does when there is no transactional id). An id is never handed out twice, across restarts and crashes: ids are
 * reserved in blocks, and the end of the reserved block is persisted before the first id of the block is used.
 *
 * <p>File {@code producer-id-block} (text, UTF-8), replaced atomically with {@link AtomicFiles}:
 * <pre>
 * ternmq kafka producer id block v1
 * &lt;first id not yet reserved, decimal&gt;
 * </pre>
 * After a restart (clean or not) allocation starts at that number, skipping what was left of the last block.
 *
 * <p>Thread-safe: {@link #allocate} is synchronized; it does I/O once per block.
 */
public final class ProducerIdAllocator {
    static final String FILE_NAME = "producer-id-block";
    private static final String HEADER = "ternmq kafka producer id block v1";

    private final Path file;
    private final int blockSize;
    private long next;
    private long reservedUntil;

    /**
     * @param dir       the directory of the file, e.g. {@code <storePathRootDir>/kafka}
     * @param blockSize ids reserved per file write
     * @throws IllegalStateException when the file exists but cannot be read as written by this class: starting anyway
     *                               could reuse ids
     */
    public ProducerIdAllocator(Path dir, int blockSize) {
        if (blockSize <= 0) {
            throw new IllegalArgumentException("blockSize must be positive: " + blockSize);
        }
        this.file = dir.resolve(FILE_NAME);
        this.blockSize = blockSize;
        this.next = load(file);
        this.reservedUntil = next;
    }

    private static long load(Path file) {
        if (!Files.exists(file)) {
            return 0;
        }
        try {
            String[] lines = Files.readString(file, StandardCharsets.UTF_8).split("\n");
            if (lines.length < 2 || !lines[0].equals(HEADER)) {
                throw new IllegalStateException("not a producer id block file: " + file);
            }
            long value = Long.parseLong(lines[1].trim());
            if (value < 0) {
                throw new IllegalStateException("negative producer id block in " + file);
            }
            return value;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        } catch (NumberFormatException e) {
            throw new IllegalStateException("corrupt producer id block file " + file, e);
        }
    }

    /**
     * The next producer id.
     *
     * @throws UncheckedIOException when a new block cannot be persisted (no id is handed out then)
     */
    public synchronized long allocate() {
        if (next == reservedUntil) {
            long end = reservedUntil + blockSize;
            try {
                AtomicFiles.write(file, (HEADER + "\n" + end + "\n").getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot persist producer id block to " + file, e);
            }
            reservedUntil = end;
        }
        return next++;
    }
}
