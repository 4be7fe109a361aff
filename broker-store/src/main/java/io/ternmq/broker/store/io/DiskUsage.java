package io.ternmq.broker.store.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.FileStore;
import java.nio.file.Path;

/** How full the store's file system is, as a fraction 0..1. Injectable so tests can simulate a full disk. */
@FunctionalInterface
public interface DiskUsage {
    DiskUsage FILE_STORE = dir -> {
        try {
            FileStore store = Files.getFileStore(dir);
            long total = store.getTotalSpace();
            return total <= 0 ? 0 : 1.0 - (double) store.getUsableSpace() / total;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    };

    double usedRatio(Path dir);
}
