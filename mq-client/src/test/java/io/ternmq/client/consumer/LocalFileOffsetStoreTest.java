package io.ternmq.client.consumer;

import io.ternmq.client.MessageQueue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LocalFileOffsetStoreTest {
    @TempDir
    Path dir;

    @Test
    void persistedOffsetsSurviveANewStoreInstance() throws Exception {
        MessageQueue q0 = new MessageQueue("T", 0);
        MessageQueue q1 = new MessageQueue("T", 1);
        LocalFileOffsetStore store = new LocalFileOffsetStore(dir, "g", "i");
        store.update(q0, 5, false);
        store.update(q1, 9, false);
        store.update(q0, 3, false);
        store.persist(List.of(q0));
        assertTrue(Files.exists(store.file()));
        LocalFileOffsetStore reopened = new LocalFileOffsetStore(dir, "g", "i");
        assertEquals(OptionalLong.of(5), reopened.read(q0).get());
        assertEquals(OptionalLong.of(9), reopened.read(q1).get());
        assertFalse(reopened.read(new MessageQueue("T", 2)).get().isPresent());
    }

    @Test
    void forcedUpdateMayMoveBackwards() {
        MessageQueue q = new MessageQueue("T", 0);
        LocalFileOffsetStore store = new LocalFileOffsetStore(dir, "g", "i");
        store.update(q, 10, false);
        store.update(q, 4, true);
        assertEquals(4, store.current(q));
    }
}
