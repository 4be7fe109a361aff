package io.ternmq.bench.store;

import io.ternmq.broker.store.AppendRequest;
import io.ternmq.broker.store.AppendResult;
import io.ternmq.broker.store.FlushDiskType;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The store's append path: {@code MessageStore.append(...).join()} for 1 KiB messages, one message or a batch
 * of 16 per append, with ASYNC_FLUSH (page cache) and SYNC_FLUSH (the future completes after fsync).
 *
 * <p>Score = appends per second (multiply by {@code batchSize} for messages per second). Run with
 * {@code -t 4} to see SYNC_FLUSH group commit: concurrent appends share one fsync.
 *
 * <p>A fresh store is opened for every iteration and deleted afterwards, so disk usage stays bounded by one
 * iteration's worth of appends and every iteration starts from the same state.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class StoreAppendBenchmark {

    @Param({"ASYNC_FLUSH", "SYNC_FLUSH"})
    public FlushDiskType flushDiskType;

    @Param({"1", "16"})
    public int batchSize;

    @Param({"1024"})
    public int messageSize;

    /** Queues the appending threads spread over (one per thread, round-robin). */
    @Param({"4"})
    public int queues;

    private StoreFixture fixture;
    private AppendRequest[] requestPerQueue;
    private final AtomicInteger nextQueue = new AtomicInteger();

    @Setup(Level.Iteration)
    public void openStore() {
        fixture = StoreFixture.open(flushDiskType);
        byte[] body = StoreFixture.randomBody(messageSize);
        requestPerQueue = new AppendRequest[queues];
        for (int q = 0; q < queues; q++) {
            requestPerQueue[q] = StoreFixture.request(q, batchSize, body);
        }
    }

    @TearDown(Level.Iteration)
    public void closeStore() {
        fixture.close();
    }

    /** Each benchmark thread sticks to one queue, as a producer's send to a chosen queue would. */
    @State(Scope.Thread)
    public static class ThreadQueue {
        int queueId = -1;
    }

    @Benchmark
    public AppendResult append(ThreadQueue thread) {
        if (thread.queueId < 0) {
            thread.queueId = Math.floorMod(nextQueue.getAndIncrement(), queues);
        }
        AppendResult result = fixture.store().append(requestPerQueue[thread.queueId]).join();
        if (!result.ok()) {
            throw new IllegalStateException("append failed: " + result.status() + " " + result.errorMessage());
        }
        return result;
    }
}
