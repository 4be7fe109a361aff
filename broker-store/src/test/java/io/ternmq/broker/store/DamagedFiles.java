package io.ternmq.broker.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.stream.Stream;

/** Builds damaged-file fixtures: torn tails and flipped bytes in CommitLog segments of a crashed store. */
final class DamagedFiles {
    private DamagedFiles() {
    }

    static Path segmentOf(Path root, long commitLogOffset) {
        long start = commitLogOffset - commitLogOffset % StoreFixture.SEGMENT;
        return root.resolve("commitlog").resolve(String.format("%020d", start));
    }

    /** Cuts the CommitLog at {@code commitLogOffset}, as a crash in the middle of a write would. */
    static void truncateAt(Path root, long commitLogOffset) throws IOException {
        try (FileChannel ch = FileChannel.open(segmentOf(root, commitLogOffset), StandardOpenOption.WRITE)) {
            ch.truncate(commitLogOffset % StoreFixture.SEGMENT);
        }
    }

    /** Inverts one byte at {@code commitLogOffset}. */
    static void flipByte(Path root, long commitLogOffset) throws IOException {
        try (FileChannel ch = FileChannel.open(segmentOf(root, commitLogOffset), StandardOpenOption.READ,
                StandardOpenOption.WRITE)) {
            long pos = commitLogOffset % StoreFixture.SEGMENT;
            ByteBuffer b = ByteBuffer.allocate(1);
            ch.read(b, pos);
            b.put(0, (byte) ~b.get(0));
            b.rewind();
            ch.write(b, pos);
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
