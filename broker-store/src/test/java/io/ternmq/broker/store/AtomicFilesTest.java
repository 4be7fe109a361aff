package io.ternmq.broker.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class AtomicFilesTest {
    @TempDir
    Path dir;

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void writeCreatesThenReplacesTheWholeContent() throws Exception {
        Path target = dir.resolve("config/topics.json");
        AtomicFiles.write(target, bytes("old content that is longer"));
        assertArrayEquals(bytes("old content that is longer"), Files.readAllBytes(target));
        AtomicFiles.write(target, bytes("new"));
        assertArrayEquals(bytes("new"), Files.readAllBytes(target));
        assertFalse(Files.exists(dir.resolve("config/topics.json.tmp")), "no temp file left behind");
    }

    @Test
    void aTornTempFileFromACrashedWriteNeverReplacesTheTarget() throws Exception {
        Path target = dir.resolve("offsets.json");
        AtomicFiles.write(target, bytes("old"));
        // A crash before the rename leaves a half-written temp file; the target still holds the old content.
        Files.write(dir.resolve("offsets.json.tmp"), bytes("ne"));
        assertArrayEquals(bytes("old"), Files.readAllBytes(target));
        AtomicFiles.write(target, bytes("new"));
        assertArrayEquals(bytes("new"), Files.readAllBytes(target));
    }
}
