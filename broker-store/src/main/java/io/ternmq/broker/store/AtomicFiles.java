package io.ternmq.broker.store;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Crash-safe replacement of small files (topic configs, consumer offsets, subscription groups): write a temp file,
 * fsync it, rename it over the target, fsync the directory. After a crash the target holds either the old or the
 * new content, never a mix.
 */
public final class AtomicFiles {
    private AtomicFiles() {
    }

    public static void write(Path target, byte[] content) throws IOException {
        throw new UnsupportedOperationException("implemented by the store work in progress");
    }
}
