package io.ternmq.broker.store.index;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLongArray;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PendingHeadsTest {

    @Test
    void agreesWithAMapOverManyGroupsOfRandomSlots() {
        int slotCount = 1 << 12; // small, so groups revisit slots
        PendingHeads pending = new PendingHeads(1024);
        AtomicLongArray heads = new AtomicLongArray(slotCount);
        long[] expectedHeads = new long[slotCount];
        Random random = new Random(7);
        long item = 0;
        for (int group = 0; group < 50; group++) {
            Map<Integer, Long> expected = new HashMap<>();
            int items = 1 + random.nextInt(1024);
            for (int i = 0; i < items; i++) {
                int slot = random.nextInt(slotCount);
                long fallback = heads.get(slot);
                assertEquals(expected.getOrDefault(slot, fallback), pending.newest(slot, fallback));
                pending.put(slot, item);
                expected.put(slot, item);
                item++;
            }
            pending.moveHeads(heads);
            expected.forEach((slot, newest) -> expectedHeads[slot] = newest);
            for (int slot = 0; slot < slotCount; slot++) {
                assertEquals(expectedHeads[slot], heads.get(slot), "slot " + slot);
            }
            for (int slot : expected.keySet()) {
                assertEquals(-5, pending.newest(slot, -5), "forgotten after moving the heads");
            }
        }
    }

    @Test
    void clearForgetsThePendingItemsWithoutMovingHeads() {
        PendingHeads pending = new PendingHeads(8);
        AtomicLongArray heads = new AtomicLongArray(16);
        pending.put(3, 30);
        pending.clear();
        assertEquals(-1, pending.newest(3, -1));
        pending.moveHeads(heads);
        assertEquals(0, heads.get(3));
    }

    @Test
    void refusesMoreSlotsThanItWasSizedFor() {
        PendingHeads pending = new PendingHeads(2);
        pending.put(1, 10);
        pending.put(2, 20);
        pending.put(2, 21); // same slot: no new room needed
        assertThrows(IllegalStateException.class, () -> pending.put(3, 30));
    }
}
