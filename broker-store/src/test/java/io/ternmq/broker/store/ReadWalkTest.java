package io.ternmq.broker.store;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static io.ternmq.broker.store.StoreFixture.append;
import static io.ternmq.broker.store.StoreFixture.awaitDispatched;
import static io.ternmq.broker.store.StoreFixture.message;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A consumer that follows {@code nextOffset} from 0 must see every message exactly once and in order, whatever
 * the mix of single and batch entries and however the message and byte limits cut through the batches.
 */
class ReadWalkTest {
    @TempDir
    Path dir;
    DefaultMessageStore store;
    final List<String> written = new ArrayList<>();

    @BeforeEach
    void fill() {
        store = StoreFixture.open(StoreFixture.config(dir, new ManualClock(StoreFixture.START)).withSegmentSize(1 << 20));
        Random random = new Random(42);
        int n = 0;
        while (n < 3_000) {
            int size = random.nextInt(4) == 0 ? 1 : 1 + random.nextInt(40);
            MessageDraft[] batch = new MessageDraft[size];
            for (int i = 0; i < size; i++) {
                String body = "m" + n++ + "x".repeat(random.nextInt(200));
                batch[i] = message(body, null, null);
                written.add(body);
            }
            append(store, "walk", 0, batch);
        }
        awaitDispatched(store);
    }

    @AfterEach
    void close() {
        store.close();
    }

    @ParameterizedTest(name = "maxMessages={0}, maxBytes={1}")
    @CsvSource({"1, 1048576", "7, 1048576", "32, 1048576", "256, 1048576", "256, 3000", "100, 1"})
    void followingNextOffsetReadsEveryMessageOnceInOrder(int maxMessages, int maxBytes) {
        List<String> viaObjects = new ArrayList<>();
        long offset = 0;
        while (offset < store.maxOffset("walk", 0)) {
            ReadResult r = store.read("walk", 0, offset, maxMessages, maxBytes, MessageFilter.ACCEPT_ALL);
            assertEquals(ReadStatus.FOUND, r.status(), "at " + offset);
            r.messages().forEach(m -> viaObjects.add(StoreFixture.body(m)));
            assertEquals(offset + r.messages().size(), r.nextOffset(), "nextOffset after reading from " + offset);
            offset = r.nextOffset();
        }
        assertEquals(written, viaObjects);

        int viaBytes = 0;
        offset = 0;
        while (offset < store.maxOffset("walk", 0)) {
            ReadBytesResult r = store.readBytes("walk", 0, offset, maxMessages, maxBytes, MessageFilter.ACCEPT_ALL);
            assertEquals(ReadStatus.FOUND, r.status(), "at " + offset);
            assertEquals(offset + r.messages().size(), r.nextOffset(), "nextOffset after reading bytes from " + offset);
            viaBytes += r.messages().size();
            offset = r.nextOffset();
        }
        assertEquals(written.size(), viaBytes);
    }
}
