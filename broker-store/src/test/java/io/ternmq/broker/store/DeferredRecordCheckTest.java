package io.ternmq.broker.store;

import io.ternmq.broker.store.read.StoredMessageBytes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.Stream;

import static io.ternmq.broker.store.StoreFixture.append;
import static io.ternmq.broker.store.StoreFixture.awaitDispatched;
import static io.ternmq.broker.store.StoreFixture.message;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link RecordCheck}: the store checks record CRCs on read, or leaves them to the caller, never both unchecked. */
class DeferredRecordCheckTest {
    @TempDir
    Path dir;
    ManualClock clock = new ManualClock(StoreFixture.START);
    DefaultMessageStore store;

    @BeforeEach
    void open() {
        store = StoreFixture.open(StoreFixture.config(dir, clock));
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void aDamagedRecordEndsACheckedReadAndIsFlaggedToACallerThatChecksItself() throws IOException {
        append(store, "orders", 0, message("intact-body", "A", "k1"));
        append(store, "orders", 0, message("damaged-body", "A", "k2"), message("same-record", "A", "k3"));
        append(store, "orders", 0, message("after-the-damage", "A", "k4"));
        awaitDispatched(store);
        flipLastByteOf("damaged-body");

        ReadBytesResult checked = store.readBytes("orders", 0, 0, 32, 1 << 20, MessageFilter.ACCEPT_ALL);
        assertEquals(1, checked.messages().size(), "stops before the damaged record");

        ReadBytesResult deferred = store.readBytes("orders", 0, 0, 32, 1 << 20, MessageFilter.ACCEPT_ALL,
                RecordCheck.BY_CALLER);
        List<StoredMessageBytes> messages = deferred.messages();
        assertEquals(4, messages.size(), "structure is intact, so every message is handed out");
        assertTrue(messages.get(0).recordCrcMatches());
        assertFalse(messages.get(1).recordCrcMatches());
        assertFalse(messages.get(2).recordCrcMatches(), "the other message of the damaged record");
        assertTrue(messages.get(3).recordCrcMatches());
    }

    /** Flips one bit of {@code text} in the CommitLog files, as a bad disk would. */
    private void flipLastByteOf(String text) throws IOException {
        byte[] needle = text.getBytes(StandardCharsets.UTF_8);
        try (Stream<Path> walk = Files.walk(dir.resolve("commitlog"))) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                byte[] content = Files.readAllBytes(file);
                for (int at = 0; at + needle.length <= content.length; at++) {
                    if (ByteBuffer.wrap(content, at, needle.length).equals(ByteBuffer.wrap(needle))) {
                        int pos = at + needle.length - 1;
                        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
                            ch.write(ByteBuffer.wrap(new byte[] {(byte) (content[pos] ^ 0x01)}), pos);
                        }
                        return;
                    }
                }
            }
        }
        throw new AssertionError("'" + text + "' not found in the CommitLog");
    }
}
