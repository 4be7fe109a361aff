package io.ternmq.bench.store;

import io.ternmq.broker.store.AppendRequest;
import io.ternmq.broker.store.FlushDiskType;
import io.ternmq.broker.store.MessageDraft;
import io.ternmq.broker.store.MessageStore;
import io.ternmq.broker.store.MessageStores;
import io.ternmq.broker.store.StoreConfig;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A store in a throw-away directory, plus the request shapes the benchmarks append. Shared by the JMH states so
 * that every benchmark measures the same 1 KiB messages with the same segment size.
 *
 * <p>The directory lives under {@code ternmq.bench.dir} (default: the JVM temp dir), so benchmarks can be pointed
 * at the disk under test with {@code -jvmArgs -Dternmq.bench.dir=/mnt/disk}.
 */
final class StoreFixture implements AutoCloseable {
    /** 64 MiB segments: big enough that rolling is rare, small enough that a fresh segment is cheap to create. */
    static final long SEGMENT_BYTES = 64L << 20;
    static final String TOPIC = "bench";

    private final Path dir;
    private final MessageStore store;

    private StoreFixture(Path dir, MessageStore store) {
        this.dir = dir;
        this.store = store;
    }

    static StoreFixture open(FlushDiskType flushDiskType) {
        try {
            Path parent = Path.of(System.getProperty("ternmq.bench.dir", System.getProperty("java.io.tmpdir")));
            Files.createDirectories(parent);
            Path dir = Files.createTempDirectory(parent, "ternmq-jmh-");
            StoreConfig config = StoreConfig.defaults(dir).withSegmentSize(SEGMENT_BYTES).withFlushDiskType(flushDiskType);
            return new StoreFixture(dir, MessageStores.open(config));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    MessageStore store() {
        return store;
    }

    /** A body of random (incompressible) bytes, as a real payload would be. */
    static byte[] randomBody(int size) {
        byte[] body = new byte[size];
        ThreadLocalRandom.current().nextBytes(body);
        return body;
    }

    /** One append request carrying {@code batchSize} messages for one queue. */
    static AppendRequest request(int queueId, int batchSize, byte[] body) {
        List<MessageDraft> drafts = new ArrayList<>(batchSize);
        for (int i = 0; i < batchSize; i++) {
            drafts.add(MessageDraft.of(body, Map.of("KEYS", "k" + i), System.currentTimeMillis()));
        }
        return new AppendRequest(TOPIC, queueId, drafts, "127.0.0.1:0");
    }

    /**
     * Waits until the dispatcher has made {@code expected} messages of the queue readable. The store indexes
     * asynchronously, so a read benchmark must not start before that; the wait is bounded, not a guess.
     */
    void awaitReadable(int queueId, long expected, long timeoutMs) throws TimeoutException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        while (store.maxOffset(TOPIC, queueId) < expected) {
            if (System.nanoTime() > deadline) {
                throw new TimeoutException("queue " + queueId + " readable up to " + store.maxOffset(TOPIC, queueId)
                        + ", expected " + expected);
            }
            Thread.onSpinWait();
            Thread.sleep(1);
        }
    }

    @Override
    public void close() {
        store.close();
        deleteRecursively(dir);
    }

    private static void deleteRecursively(Path root) {
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.delete(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                    Files.delete(d);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
