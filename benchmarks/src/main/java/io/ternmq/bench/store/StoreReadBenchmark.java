package io.ternmq.bench.store;

import io.ternmq.broker.store.AppendResult;
import io.ternmq.broker.store.FlushDiskType;
import io.ternmq.broker.store.MessageFilter;
import io.ternmq.broker.store.ReadResult;
import io.ternmq.broker.store.ReadStatus;
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

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * The store's read path: {@code MessageStore.read(topic, queue, offset, 32, 1 MiB, ACCEPT_ALL)} over a queue
 * pre-filled with 1 KiB messages (in the page cache, as for consumers that keep up).
 *
 * <p>{@code sequential} reads the queue front to back and wraps, as a tailing consumer does;
 * {@code random} starts each read at a random offset, as catch-up consumers of many queues do.
 * Score = reads per second; each read returns {@code maxMessages} messages.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class StoreReadBenchmark {
    private static final int QUEUE = 0;
    private static final int PREFILL_WINDOW = 1024;

    @Param({"100000"})
    public int prefilledMessages;

    @Param({"32"})
    public int maxMessages;

    @Param({"1024"})
    public int messageSize;

    private StoreFixture fixture;
    private long readableMessages;

    @Setup(Level.Trial)
    public void prefill() throws Exception {
        fixture = StoreFixture.open(FlushDiskType.ASYNC_FLUSH);
        byte[] body = StoreFixture.randomBody(messageSize);
        // single messages, not batches: the read path then walks one ConsumeQueue entry per message;
        // appends are pipelined in windows so prefill does not take one round trip per message
        List<CompletableFuture<AppendResult>> window = new ArrayList<>(PREFILL_WINDOW);
        for (int i = 0; i < prefilledMessages; i++) {
            window.add(fixture.store().append(StoreFixture.request(QUEUE, 1, body)));
            if (window.size() == PREFILL_WINDOW || i == prefilledMessages - 1) {
                for (CompletableFuture<AppendResult> f : window) {
                    AppendResult r = f.join();
                    if (!r.ok()) {
                        throw new IllegalStateException("prefill append failed: " + r.status());
                    }
                }
                window.clear();
            }
        }
        readableMessages = prefilledMessages;
        fixture.awaitReadable(QUEUE, readableMessages, 60_000);
    }

    @TearDown(Level.Trial)
    public void closeStore() {
        fixture.close();
    }

    /** Per-thread cursor of the sequential reader. */
    @State(Scope.Thread)
    public static class Cursor {
        long offset;
    }

    @Benchmark
    public ReadResult sequential(Cursor cursor) {
        ReadResult result = read(cursor.offset);
        cursor.offset = result.nextOffset() >= readableMessages ? 0 : result.nextOffset();
        return result;
    }

    @Benchmark
    public ReadResult random() {
        return read(ThreadLocalRandom.current().nextLong(readableMessages - maxMessages));
    }

    private ReadResult read(long offset) {
        ReadResult result = fixture.store().read(StoreFixture.TOPIC, QUEUE, offset, maxMessages, 1 << 20,
                MessageFilter.ACCEPT_ALL);
        if (result.status() != ReadStatus.FOUND) {
            throw new IllegalStateException("read at " + offset + ": " + result.status());
        }
        return result;
    }
}
