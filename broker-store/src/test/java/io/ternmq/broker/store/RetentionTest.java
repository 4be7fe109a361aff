package io.ternmq.broker.store;

import io.ternmq.broker.store.io.StorageHooks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

import static io.ternmq.broker.store.StoreFixture.appendMany;
import static io.ternmq.broker.store.StoreFixture.message;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RetentionTest {
    @TempDir
    Path dir;
    // Segment ages come from file modification times, so the clock starts at the real time.
    final ManualClock clock = new ManualClock(System.currentTimeMillis());
    final AtomicReference<Double> diskUsage = new AtomicReference<>(0.10);
    DefaultMessageStore store;

    private void open(String deleteWhen) {
        StorageHooks hooks = StoreFixture.quietHooks().withDiskUsage(d -> diskUsage.get());
        store = DefaultMessageStore.open(StoreFixture.config(dir, clock, FlushDiskType.ASYNC_FLUSH, deleteWhen), hooks);
        appendMany(store, "t", 0, 300, 1000);
        StoreFixture.awaitSettled(store);
        assertTrue(store.status().segmentCount() >= 4);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private static String hourOf(long millis) {
        return String.format("%02d", Instant.ofEpochMilli(millis).atZone(ZoneOffset.UTC).getHour());
    }

    @Test
    void expiredSegmentsAreDeletedAtTheDeleteWhenHourOnly() {
        long later = clock.millis() + Duration.ofHours(73).toMillis();
        open(hourOf(later));
        int segments = store.status().segmentCount();

        store.runRetentionNow();
        assertEquals(segments, store.status().segmentCount(), "nothing has expired yet");

        clock.set(later + Duration.ofHours(1).toMillis());
        store.runRetentionNow();
        assertEquals(segments, store.status().segmentCount(), "expired, but not the deleteWhen hour");

        clock.set(later);
        store.runRetentionNow();
        assertEquals(1, store.status().segmentCount(), "all expired segments but the active one go");
        long min = store.minOffset("t", 0);
        assertTrue(min > 0);
        ReadResult below = store.read("t", 0, 0, 10, 1 << 20, MessageFilter.ACCEPT_ALL);
        assertEquals(ReadStatus.OFFSET_TOO_SMALL, below.status());
        assertEquals(min, below.nextOffset());
        assertEquals(ReadStatus.FOUND, store.read("t", 0, min, 10, 1 << 20, MessageFilter.ACCEPT_ALL).status());
        assertEquals(300, store.maxOffset("t", 0));
    }

    @Test
    void expiredSegmentsGoAtAnyHourWhenTheDiskIsAboveTheMaxUsedRatio() {
        long later = clock.millis() + Duration.ofHours(73).toMillis();
        open(hourOf(later + Duration.ofHours(5).toMillis()));
        clock.set(later);
        diskUsage.set(0.80);
        store.runRetentionNow();
        assertEquals(1, store.status().segmentCount());
    }

    @Test
    void aboveTheCleanForciblyRatioTheOldestSegmentsGoEvenIfYoung() {
        open("04");
        int segments = store.status().segmentCount();
        diskUsage.set(0.88);
        store.runRetentionNow();
        assertTrue(store.status().segmentCount() < segments);
        assertTrue(store.status().segmentCount() >= 1, "the active segment is never deleted");
        assertTrue(store.minOffset("t", 0) > 0);
    }

    @Test
    void aboveTheWarningRatioAppendsAreRejectedAndReadsGoOn() {
        open("04");
        diskUsage.set(0.95);
        store.runRetentionNow();
        AppendResult r = store.append(AppendRequest.single("t", 0, message("x", null, null))).join();
        assertEquals(AppendStatus.DISK_FULL, r.status());
        assertTrue(r.errorMessage().contains("diskSpaceWarningLevelRatio"), r.errorMessage());
        assertFalse(store.status().writable());
        long min = store.minOffset("t", 0);
        assertEquals(ReadStatus.FOUND, store.read("t", 0, min, 10, 1 << 20, MessageFilter.ACCEPT_ALL).status());

        diskUsage.set(0.50);
        store.runRetentionNow();
        assertEquals(AppendStatus.PUT_OK,
                store.append(AppendRequest.single("t", 0, message("y", null, null))).join().status());
    }

    @Test
    void retentionSurvivesRestartWithMinOffsetsIntact() {
        long later = clock.millis() + Duration.ofHours(73).toMillis();
        open(hourOf(later));
        clock.set(later);
        store.runRetentionNow();
        long min = store.minOffset("t", 0);
        store.close();
        store = DefaultMessageStore.open(StoreFixture.config(dir, clock, FlushDiskType.ASYNC_FLUSH, "04"),
                StoreFixture.quietHooks());
        assertEquals(min, store.minOffset("t", 0));
        assertEquals(300, store.maxOffset("t", 0));
        assertEquals(ReadStatus.OFFSET_TOO_SMALL,
                store.read("t", 0, 0, 10, 1 << 20, MessageFilter.ACCEPT_ALL).status());
    }
}
