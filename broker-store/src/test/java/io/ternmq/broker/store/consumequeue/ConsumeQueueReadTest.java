package io.ternmq.broker.store.consumequeue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Offset lookups find the entry holding the offset whatever order they come in (the last find is only a hint); bulk
 * reads of entries stop at the end of a file and of the queue.
 */
class ConsumeQueueReadTest {
    @TempDir
    Path dir;

    @Test
    void everyOffsetIsFoundInItsEntryInOrderBackwardsAndAtRandom() throws IOException {
        ConsumeQueue cq = ConsumeQueue.create(dir, "t", 0, 16); // several files
        List<Long> entryOf = new ArrayList<>(); // queue offset -> entry index
        Random random = new Random(7);
        long offset = 0;
        for (int i = 0; i < 100; i++) {
            int count = 1 + random.nextInt(i % 3 == 0 ? 1 : 20); // single messages and batches
            cq.append(new ConsumeQueueEntry(1000L * i, 100, 0, 0, offset, count, 1_700_000_000_000L + i));
            for (int m = 0; m < count; m++) {
                entryOf.add((long) i);
            }
            offset += count;
        }
        cq.commit();

        List<Long> order = new ArrayList<>();
        for (long o = 0; o < offset; o++) {
            order.add(o);
        }
        check(cq, entryOf, order);
        Collections.reverse(order);
        check(cq, entryOf, order);
        Collections.shuffle(order, random);
        check(cq, entryOf, order);
        assertEquals(-1, cq.findEntryByQueueOffset(offset), "past the end");
        cq.close();
    }

    @Test
    void aRememberedEntryIsOnlyAHintWhereverItPoints() throws IOException {
        ConsumeQueue cq = ConsumeQueue.create(dir, "t", 0, 16);
        List<Long> entryOf = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            cq.append(new ConsumeQueueEntry(1000L * i, 100, 0, 0, 10L * i, 10, 0)); // batches of 10 messages
            for (int m = 0; m < 10; m++) {
                entryOf.add((long) i);
            }
        }
        cq.commit();
        List<Long> all = new ArrayList<>();
        for (long o = 0; o < 400; o++) {
            all.add(o);
        }
        for (long hint : new long[] {0, 7, 15, 16, 39, -1, 40, 1_000}) { // the last three are out of range
            cq.rememberLookup(hint);
            check(cq, entryOf, List.of(10 * Math.max(0, Math.min(hint, 39)) + 5, 0L, 399L));
        }
        for (long o = 0; o < 400; o += 37) { // as a reader reports the last entry it reached, 3 entries on
            cq.rememberLookup(entryOf.get((int) o));
            long next = Math.min(399, o + 30);
            assertEquals(entryOf.get((int) next), cq.findEntryByQueueOffset(next), "offset " + next);
        }
        check(cq, entryOf, all);
        cq.close();
    }

    @Test
    void entriesAreReadInChunksThatEndWithTheirFileOrTheQueue() throws IOException {
        ConsumeQueue cq = ConsumeQueue.create(dir, "t", 0, 16);
        for (int i = 0; i < 40; i++) {
            cq.append(new ConsumeQueueEntry(100L * i, 100, 0, 0, i, 1, 0));
        }
        cq.commit();
        assertEquals(6, cq.entries(10, 64).size(), "the first file holds entries 0-15");
        assertEquals(10L, cq.entries(10, 64).get(0).baseQueueOffset());
        assertEquals(3, cq.entries(20, 3).size());
        assertEquals(8, cq.entries(32, 64).size(), "the queue ends at 40");
        assertEquals(List.of(), cq.entries(40, 64));
        assertEquals(cq.entry(33), cq.entries(32, 2).get(1));
        cq.close();
    }

    private static void check(ConsumeQueue cq, List<Long> entryOf, List<Long> offsets) {
        for (long o : offsets) {
            assertEquals(entryOf.get((int) o), cq.findEntryByQueueOffset(o), "offset " + o);
        }
    }
}
