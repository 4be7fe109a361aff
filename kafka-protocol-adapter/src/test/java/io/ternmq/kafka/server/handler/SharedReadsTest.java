package io.ternmq.kafka.server.handler;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SharedReadsTest {
    private final ExecutorService pool = Executors.newFixedThreadPool(2);

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    private static List<Supplier<Integer>> counting(int n, AtomicInteger runs) {
        List<Supplier<Integer>> reads = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int value = i;
            reads.add(() -> {
                runs.incrementAndGet();
                return value;
            });
        }
        return reads;
    }

    @Test
    void resultsComeBackInOrderAndEachReadRunsOnce() {
        AtomicInteger runs = new AtomicInteger();
        List<Integer> results = SharedReads.run(counting(50, runs), pool, r -> { });
        assertEquals(50, results.size());
        for (int i = 0; i < 50; i++) {
            assertEquals(i, results.get(i));
        }
        assertEquals(50, runs.get());
    }

    @Test
    void aPoolThatRejectsWorkLeavesItAllToTheCaller() {
        AtomicInteger runs = new AtomicInteger();
        List<Integer> results = SharedReads.run(counting(5, runs), task -> {
            throw new RejectedExecutionException("closed");
        }, r -> { });
        assertEquals(List.of(0, 1, 2, 3, 4), results);
        assertEquals(5, runs.get());
    }

    @Test
    void aPoolThatNeverRunsTheTasksStillCompletes() {
        List<Integer> results = SharedReads.run(counting(3, new AtomicInteger()), task -> { }, r -> { });
        assertEquals(List.of(0, 1, 2), results);
    }

    @Test
    void aFailedReadReleasesTheOthersAndIsRethrown() {
        IllegalStateException boom = new IllegalStateException("boom");
        List<Supplier<Integer>> reads = List.of(() -> 1, () -> {
            throw boom;
        }, () -> 3);
        List<Integer> released = new ArrayList<>();
        IllegalStateException thrown = assertThrows(IllegalStateException.class,
                () -> SharedReads.run(reads, task -> { }, released::add));
        assertSame(boom, thrown);
        assertEquals(List.of(1, 3), released);
    }
}
