package io.ternmq.broker.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static io.ternmq.broker.store.SegmentRollTest.readAll;
import static io.ternmq.broker.store.StoreFixture.appendMany;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CrashRecoveryTest {
    @TempDir
    Path dir;
    final ManualClock clock = new ManualClock(StoreFixture.START);

    private StoreConfig config() {
        return StoreFixture.config(dir, clock);
    }

    /** Writes messages, then stops the store like kill -9 would. */
    private List<AppendResult> writeAndCrash(int count) {
        DefaultMessageStore store = StoreFixture.open(config());
        List<AppendResult> written = appendMany(store, "t", 0, count, 500);
        StoreFixture.awaitDispatched(store);
        store.crash();
        assertTrue(Files.exists(dir.resolve("abort")), "a crash leaves the abort marker");
        return written;
    }

    @Test
    void tornTailRecordIsCutAndTheRestSurvives() throws Exception {
        List<AppendResult> written = writeAndCrash(200);
        DamagedFiles.truncateAt(dir, written.get(199).commitLogOffset() + 30);
        try (DefaultMessageStore store = StoreFixture.open(config())) {
            assertEquals(written.get(199).commitLogOffset(), store.status().commitLogMaxOffset());
            assertEquals(199, store.maxOffset("t", 0));
            assertEquals(199, readAll(store, "t", 0).size());
            AppendResult next = StoreFixture.append(store, "t", 0, StoreFixture.message("new", null, null));
            assertEquals(199, next.baseQueueOffset());
            assertEquals(written.get(199).commitLogOffset(), next.commitLogOffset());
        }
        assertFalse(Files.exists(dir.resolve("abort")), "clean close removes the marker");
    }

    @Test
    void corruptRecordInTheLastSegmentCutsItAndEverythingAfter() throws Exception {
        List<AppendResult> written = writeAndCrash(200);
        long lastSegmentStart = written.get(199).commitLogOffset() / StoreFixture.SEGMENT * StoreFixture.SEGMENT;
        int victim = -1;
        for (int i = 0; i < written.size(); i++) {
            if (written.get(i).commitLogOffset() >= lastSegmentStart) {
                victim = i + 5;
                break;
            }
        }
        DamagedFiles.flipByte(dir, written.get(victim).commitLogOffset() + 100);
        try (DefaultMessageStore store = StoreFixture.open(config())) {
            assertEquals(written.get(victim).commitLogOffset(), store.status().commitLogMaxOffset());
            assertEquals(victim, store.maxOffset("t", 0));
            List<StoredMessage> all = readAll(store, "t", 0);
            assertEquals(victim, all.size());
            assertEquals(1, store.status().segmentCount() - (int) (lastSegmentStart / StoreFixture.SEGMENT));
            assertEquals(victim, StoreFixture.append(store, "t", 0, StoreFixture.message("n", null, null))
                    .baseQueueOffset());
        }
    }

    @Test
    void recordFailingItsCrcIsNeverReturned() throws Exception {
        List<AppendResult> written;
        try (DefaultMessageStore store = StoreFixture.open(config())) {
            written = appendMany(store, "t", 0, 200, 500);
            StoreFixture.awaitDispatched(store);
        }
        // Damage an old segment that a clean restart does not rescan: only reads can notice.
        DamagedFiles.flipByte(dir, written.get(10).commitLogOffset() + 200);
        try (DefaultMessageStore store = StoreFixture.open(config())) {
            ReadResult r = store.read("t", 0, 0, 64, 1 << 20, MessageFilter.ACCEPT_ALL);
            assertEquals(10, r.messages().size());
            assertEquals(10, r.nextOffset());
            ReadResult atDamage = store.read("t", 0, 10, 64, 1 << 20, MessageFilter.ACCEPT_ALL);
            assertEquals(ReadStatus.NO_MATCHED_MESSAGE, atDamage.status());
            assertEquals(10, atDamage.nextOffset(), "a damaged record is not skipped silently");
            ReadBytesResult bytes = store.readBytes("t", 0, 0, 64, 1 << 20, MessageFilter.ACCEPT_ALL);
            assertEquals(10, bytes.messages().size(), "the byte path verifies CRCs too");
            assertEquals(ReadStatus.NO_MATCHED_MESSAGE,
                    store.readBytes("t", 0, 10, 64, 1 << 20, MessageFilter.ACCEPT_ALL).status());
            assertTrue(store.queryById(written.get(10).messageIds().get(0)).isEmpty());
            assertEquals(List.of(), store.queryByKey("t", "k10", 0, Long.MAX_VALUE, 5));
            assertEquals(20, store.read("t", 0, 11, 20, 1 << 20, MessageFilter.ACCEPT_ALL).messages().size());
        }
    }

    @Test
    void consumeQueuesAreRebuiltAfterTheirFilesAreDeleted() throws Exception {
        try (DefaultMessageStore store = StoreFixture.open(config())) {
            appendMany(store, "t", 0, 150, 500);
            appendMany(store, "u", 3, 10, 500);
        }
        DamagedFiles.deleteTree(dir.resolve("consumequeue"));
        try (DefaultMessageStore store = StoreFixture.open(config())) {
            assertEquals(150, readAll(store, "t", 0).size());
            assertEquals(10, readAll(store, "u", 3).size());
            assertEquals(List.of(3), store.queueIds("u"));
        }
    }

    @Test
    void rebuildingIndexesChecksOldRecordsThatRecoveryDidNotScan() throws Exception {
        List<AppendResult> written;
        try (DefaultMessageStore store = StoreFixture.open(config())) {
            written = appendMany(store, "t", 0, 200, 500);
        }
        // an old segment (a clean restart does not rescan it) damaged in a body, where only the CRC can tell
        DamagedFiles.flipByte(dir, written.get(10).commitLogOffset() + 200);
        DamagedFiles.deleteTree(dir.resolve("consumequeue"));
        try (DefaultMessageStore store = StoreFixture.open(config())) { // open rebuilds the indexes before returning
            assertEquals(10, store.maxOffset("t", 0), "the rebuild stops at the damaged record instead of indexing it");
            assertEquals(10, readAll(store, "t", 0).size());
        }
    }

    @Test
    void consumeQueueBehindTheCommitLogIsCaughtUpAfterACrash() throws Exception {
        writeAndCrash(150);
        // Lose the checkpoint and the ConsumeQueue tail: recovery must rebuild from the CommitLog.
        Files.delete(dir.resolve("checkpoint"));
        Path cqFile = dir.resolve("consumequeue/t/0/00000000000000000000");
        try (var ch = java.nio.channels.FileChannel.open(cqFile, java.nio.file.StandardOpenOption.WRITE)) {
            ch.truncate(48 * 40 + 17);
        }
        try (DefaultMessageStore store = StoreFixture.open(config())) {
            assertEquals(150, store.maxOffset("t", 0));
            assertEquals(150, readAll(store, "t", 0).size());
            assertEquals(150, StoreFixture.append(store, "t", 0, StoreFixture.message("n", null, null))
                    .baseQueueOffset());
        }
    }

    @Test
    void aTailCutAtAnyPointOfTheLastRecordLeavesExactlyTheRecordsBeforeIt() throws Exception {
        List<AppendResult> written = writeAndCrash(20);
        Path template = Files.createTempDirectory(dir.getParent(), "crashed");
        copyTree(dir, template);
        long last = written.get(19).commitLogOffset();
        int size = (int) (written.get(19).commitLogOffset() - written.get(18).commitLogOffset());
        for (int cut : new int[] {1, 4, 8, 11, 12, 13, 20, 44, 48, 60, size / 2, size - 4, size - 1}) {
            DamagedFiles.deleteTree(dir);
            copyTree(template, dir);
            DamagedFiles.truncateAt(dir, last + cut);
            try (DefaultMessageStore store = StoreFixture.open(config())) {
                assertEquals(last, store.status().commitLogMaxOffset(), "cut at +" + cut);
                assertEquals(19, readAll(store, "t", 0).size(), "cut at +" + cut);
            }
        }
        DamagedFiles.deleteTree(template);
    }

    private static void copyTree(Path from, Path to) throws Exception {
        try (var walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }

    @Test
    void everyAcknowledgedMessageSurvivesAProcessCrash() {
        List<AppendResult> written = writeAndCrash(120);
        try (DefaultMessageStore store = StoreFixture.open(config())) {
            List<StoredMessage> all = readAll(store, "t", 0);
            assertEquals(120, all.size());
            assertEquals(written.get(119).messageIds().get(0), all.get(119).messageId());
        }
    }
}
