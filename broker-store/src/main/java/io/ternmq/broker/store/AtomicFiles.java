package io.ternmq.broker.store;

import io.ternmq.broker.store.io.DirectorySync;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Crash-safe replacement of small files (topic configs, consumer offsets, subscription groups): write a temp file,
 * fsync it, rename it over the target, fsync the directory. After a crash the target holds either the old or the
 * new content, never a mix.
 *
 * <p>Crash behaviour: a crash before the rename leaves the old target and a stray {@code .tmp} file (overwritten by
 * the next write); a crash after the rename but before the directory fsync may, after a machine crash, show the
 * old content; never a torn file, because the temp file was fsynced before it got the target's name.
 */
public final class AtomicFiles {
    private AtomicFiles() {
    }

    public static void write(Path target, byte[] content) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path temp = dir.resolve(target.getFileName() + ".tmp");
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer buffer = ByteBuffer.wrap(content);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        }
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        DirectorySync.fsync(dir);
    }
}
