package io.ternmq.broker.store.recovery;

import io.ternmq.broker.store.io.DirectorySync;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The empty {@code abort} file: created (and its directory fsynced) when the store opens, deleted on a clean
 * close. Finding it at open means the previous run did not close cleanly.
 */
public final class AbortMarker {
    private final Path file;

    public AbortMarker(Path root) {
        this.file = root.resolve("abort");
    }

    public boolean exists() {
        return Files.exists(file);
    }

    public void create() throws IOException {
        if (!Files.exists(file)) {
            Files.createFile(file);
        }
        DirectorySync.fsync(file.getParent());
    }

    public void delete() throws IOException {
        Files.deleteIfExists(file);
        DirectorySync.fsync(file.getParent());
    }
}
