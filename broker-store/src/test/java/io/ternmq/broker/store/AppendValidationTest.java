package io.ternmq.broker.store;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.ternmq.broker.store.StoreFixture.message;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AppendValidationTest {
    @TempDir
    Path dir;
    DefaultMessageStore store;

    @BeforeEach
    void open() {
        store = StoreFixture.open(StoreFixture.config(dir, new ManualClock(StoreFixture.START)));
        StoreFixture.append(store, "t", 0, message("first", null, null));
    }

    @AfterEach
    void close() {
        store.close();
    }

    private AppendResult rejected(AppendRequest request, AppendStatus expected) {
        long before = store.status().commitLogMaxOffset();
        AppendResult r = store.append(request).join();
        assertEquals(expected, r.status(), r.errorMessage());
        assertTrue(r.errorMessage() != null && !r.errorMessage().isBlank());
        assertEquals(-1, r.commitLogOffset());
        assertEquals(before, store.status().commitLogMaxOffset(), "nothing may be written");
        return r;
    }

    @Test
    void bodyOverMaxMessageSizeIsRejectedAndNothingWritten() {
        MessageDraft big = MessageDraft.of(new byte[16 * 1024 + 1], Map.of(), 0);
        AppendResult r = rejected(AppendRequest.single("t", 0, big), AppendStatus.MESSAGE_TOO_LARGE);
        assertTrue(r.errorMessage().contains("maxMessageSize"));
    }

    @Test
    void batchWhoseBodiesTogetherExceedTheLimitIsRejectedWhole() {
        MessageDraft half = MessageDraft.of(new byte[9 * 1024], Map.of(), 0);
        rejected(new AppendRequest("t", 0, List.of(half, half), ""), AppendStatus.MESSAGE_TOO_LARGE);
        StoreFixture.awaitDispatched(store);
        assertEquals(1, store.maxOffset("t", 0));
    }

    @Test
    void illegalTopicsQueueIdsPropertiesAndEmptyBatchesAreRejected() {
        MessageDraft ok = message("x", null, null);
        rejected(AppendRequest.single("", 0, ok), AppendStatus.MESSAGE_ILLEGAL);
        rejected(AppendRequest.single("a b", 0, ok), AppendStatus.MESSAGE_ILLEGAL);
        rejected(AppendRequest.single("a/b", 0, ok), AppendStatus.MESSAGE_ILLEGAL);
        rejected(AppendRequest.single("x".repeat(256), 0, ok), AppendStatus.MESSAGE_ILLEGAL);
        rejected(AppendRequest.single("t", -1, ok), AppendStatus.MESSAGE_ILLEGAL);
        rejected(new AppendRequest("t", 0, List.of(), ""), AppendStatus.MESSAGE_ILLEGAL);
        Map<String, String> props = new HashMap<>();
        props.put("big", "v".repeat(40_000));
        rejected(AppendRequest.single("t", 0, MessageDraft.of(new byte[1], props, 0)), AppendStatus.MESSAGE_ILLEGAL);
    }

    @Test
    void legalTopicCharactersAreAccepted() {
        StoreFixture.append(store, "%RETRY%group_1|a-b.c", 0, message("x", null, null));
        StoreFixture.append(store, "x".repeat(255), 0, message("x", null, null));
    }

    @Test
    void closedStoreRejectsAppendsAndCloseIsIdempotent() {
        store.close();
        store.close();
        AppendResult r = store.append(AppendRequest.single("t", 0, message("x", null, null))).join();
        assertEquals(AppendStatus.SERVICE_NOT_AVAILABLE, r.status());
    }
}
