package io.ternmq.broker.store.index;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The newest not yet committed item of each hash slot an {@link IndexStore} group touched: what a new item of that
 * slot must chain to, and where the slot's head moves once the group is written.
 *
 * <p>An open-addressing table of primitive slot numbers and item numbers, cleared after each commit by walking the
 * slots used. Why not a {@code HashMap<Integer, Long>}: every stored message adds an index item, and that map
 * allocated two boxed numbers and a node per item. (Profiles charged the map a fifth of the dispatcher's time at
 * 1,000 topics, but most of that was the cache miss on the slot's head in {@link IndexStore}'s 16 MiB table, which
 * every item still pays.)
 *
 * <p>Not thread-safe: the index's single writer (the dispatcher) owns it.
 */
final class PendingHeads {
    private static final int EMPTY = -1;

    private final int[] slots;
    private final long[] items;
    private final int[] used;
    private final int mask;
    private int size;

    /** @param maxItems most items between two {@link #moveHeads} calls */
    PendingHeads(int maxItems) {
        int capacity = Integer.highestOneBit(Math.max(2, maxItems) * 4 - 1); // load factor at most 1/2
        this.slots = new int[capacity];
        this.items = new long[capacity];
        this.used = new int[maxItems];
        this.mask = capacity - 1;
        Arrays.fill(slots, EMPTY);
    }

    /** The newest pending item of {@code slot}, or {@code otherwise} when the group has none. */
    long newest(int slot, long otherwise) {
        for (int i = mix(slot) & mask; ; i = (i + 1) & mask) {
            if (slots[i] == slot) {
                return items[i];
            }
            if (slots[i] == EMPTY) {
                return otherwise;
            }
        }
    }

    /** Records {@code item} as the newest pending item of {@code slot}. */
    void put(int slot, long item) {
        for (int i = mix(slot) & mask; ; i = (i + 1) & mask) {
            if (slots[i] == slot) {
                items[i] = item;
                return;
            }
            if (slots[i] == EMPTY) {
                if (size == used.length) {
                    throw new IllegalStateException("more than " + used.length + " pending slots");
                }
                slots[i] = slot;
                items[i] = item;
                used[size++] = i;
                return;
            }
        }
    }

    /** Sets each touched slot's head to its newest pending item, then forgets them all. */
    void moveHeads(AtomicLongArray heads) {
        for (int k = 0; k < size; k++) {
            int i = used[k];
            heads.set(slots[i], items[i]);
            slots[i] = EMPTY;
        }
        size = 0;
    }

    /** Forgets every pending item without moving any head. */
    void clear() {
        for (int k = 0; k < size; k++) {
            slots[used[k]] = EMPTY;
        }
        size = 0;
    }

    /** Slot numbers are hash bits already, but neighbours would cluster in a table this small. */
    private static int mix(int slot) {
        return slot * 0x9E3779B9 >>> 7;
    }
}
