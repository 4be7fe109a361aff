package io.ternmq.protocol.testing;

import java.lang.management.ManagementFactory;

/**
 * Measures the heap bytes the current thread allocates while running an action, to prove that a decoder rejects
 * a hostile length before allocating what it claims (a failed {@code new byte[2^31-1]} would also be caught as
 * an exception, so "it threw" alone does not prove the allocation was avoided).
 */
public final class AllocationMeter {
    /**
     * Generous ceiling for rejecting bad input: an exception with its stack trace and message costs a few KiB,
     * while every hostile length used in the tests claims at least 16 MiB.
     */
    public static final long SMALL = 1 << 20;

    private AllocationMeter() {
    }

    public static long bytesAllocatedBy(Runnable action) {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();
        action.run();
        return threads.getCurrentThreadAllocatedBytes() - before;
    }
}
