package io.ternmq.spring.testing;

import java.util.concurrent.atomic.AtomicInteger;

/** Topic and group names no other test uses. */
public final class TestTopics {
    private static final AtomicInteger COUNTER = new AtomicInteger();

    private TestTopics() {
    }

    public static String unique(String prefix) {
        return prefix + "_" + COUNTER.incrementAndGet() + "_" + Long.toHexString(System.nanoTime() & 0xfffff);
    }
}
