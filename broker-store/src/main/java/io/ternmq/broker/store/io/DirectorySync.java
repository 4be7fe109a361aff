package io.ternmq.broker.store.io;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * fsync of a directory, so that files created, renamed or deleted in it survive a machine crash. Linux supports
 * opening a directory read-only and forcing it; elsewhere the attempt may fail, which is ignored because there is
 * no portable alternative.
 */
public final class DirectorySync {
    private static final boolean WINDOWS = System.getProperty("os.name", "").toLowerCase().contains("win");

    private DirectorySync() {
    }

    public static void fsync(Path dir) throws IOException {
        if (WINDOWS) {
            return;
        }
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }
}
