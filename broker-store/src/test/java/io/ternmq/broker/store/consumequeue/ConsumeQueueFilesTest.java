package io.ternmq.broker.store.consumequeue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * ConsumeQueue files as the mapped writer leaves them: grown a window at a time (so the newest ends in zeros),
 * entries crossing window and file boundaries, and reopened after the process went away.
 */
class ConsumeQueueFilesTest {
    @TempDir
    Path dir;

    /** Entry {@code i} of a test queue: one message per entry, all fields derived from {@code i}. */
    private static ConsumeQueueEntry entry(long i) {
        return new ConsumeQueueEntry(1_000 + i * 100, 100, 0, i * 7, i, 1, 1_700_000_000_000L + i);
    }

    private static void append(ConsumeQueue cq, long from, long to, int perCommit) throws IOException {
        for (long i = from; i < to; i++) {
            cq.append(entry(i));
            if ((i + 1) % perCommit == 0) {
                cq.commit();
            }
        }
        cq.commit();
    }

    private static void assertEntries(ConsumeQueue cq, long count) {
        assertEquals(count, cq.entryCount());
        assertEquals(count, cq.maxOffset());
        for (long i = 0; i < count; i++) {
            assertEquals(entry(i), cq.entry(i), "entry " + i);
        }
    }

    private Path file(long firstEntry) {
        return dir.resolve(String.format("%020d", firstEntry));
    }

    @Test
    void theNewestFileEndsInZerosThatAReopenCutsOff() throws IOException {
        ConsumeQueue cq = ConsumeQueue.create(dir, "t", 0, 10_000);
        append(cq, 0, 10, 3);
        cq.close();
        assertTrue(Files.size(file(0)) > 10L * ConsumeQueueEntry.SIZE, "grown ahead of the entries");

        ConsumeQueue reopened = ConsumeQueue.load(dir, "t", 0, 10_000);
        assertEntries(reopened, 10);
        assertEquals(10L * ConsumeQueueEntry.SIZE, Files.size(file(0)));
        append(reopened, 10, 25, 4);
        assertEntries(reopened, 25);
        reopened.close();
        assertEntries(ConsumeQueue.load(dir, "t", 0, 10_000), 25);
    }

    @Test
    void entriesAcrossWindowAndFileBoundariesReadBackBeforeAndAfterAReopen() throws IOException {
        int perFile = 5_000; // 240,000 bytes: one whole window and part of a second
        long count = 12_345;
        ConsumeQueue cq = ConsumeQueue.create(dir, "t", 0, perFile);
        append(cq, 0, count, 7);
        assertEntries(cq, count);
        cq.close();
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(3, files.count());
        }
        assertEquals((long) perFile * ConsumeQueueEntry.SIZE, Files.size(file(0)), "a full file has no zeros");

        ConsumeQueue reopened = ConsumeQueue.load(dir, "t", 0, perFile);
        assertEntries(reopened, count);
        assertEquals(count, reopened.findEntryByQueueOffset(count - 1) + 1);
        reopened.close();
    }

    @Test
    void aHoleOfZerosEndsTheQueueWhereItBegins() throws IOException {
        ConsumeQueue cq = ConsumeQueue.create(dir, "t", 0, 10_000);
        append(cq, 0, 30, 30);
        cq.close();
        // As after a power loss that kept a later page but not an earlier one: entry 10 never reached the disk.
        try (FileChannel ch = FileChannel.open(file(0), StandardOpenOption.WRITE)) {
            ch.write(ByteBuffer.allocate(ConsumeQueueEntry.SIZE), 10L * ConsumeQueueEntry.SIZE);
        }
        ConsumeQueue reopened = ConsumeQueue.load(dir, "t", 0, 10_000);
        assertEntries(reopened, 10);
        reopened.append(entry(10));
        reopened.commit();
        assertNotNull(reopened.entry(10));
        reopened.close();
        assertEntries(ConsumeQueue.load(dir, "t", 0, 10_000), 11);
    }

    @Test
    void aFileWrittenToItsExactLengthStillLoads() throws IOException {
        // The layout before mapped writes: the file length is exactly the entries, no zeros after them.
        ConsumeQueue cq = ConsumeQueue.create(dir, "t", 0, 10_000);
        append(cq, 0, 40, 9);
        cq.close();
        try (FileChannel ch = FileChannel.open(file(0), StandardOpenOption.WRITE)) {
            ch.truncate(40L * ConsumeQueueEntry.SIZE);
        }
        ConsumeQueue reopened = ConsumeQueue.load(dir, "t", 0, 10_000);
        assertEntries(reopened, 40);
        append(reopened, 40, 50, 1);
        assertEntries(reopened, 50);
        reopened.close();
    }
}
