package io.ternmq.kafka.server.data;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.ternmq.broker.core.BrokerCore;
import io.ternmq.broker.store.AppendRequest;
import io.ternmq.broker.store.MessageDraft;
import io.ternmq.kafka.codec.ApiKey;
import io.ternmq.kafka.codec.KafkaError;
import io.ternmq.kafka.codec.Struct;
import io.ternmq.kafka.codec.api.FetchApi.Request;
import io.ternmq.kafka.codec.api.FetchApi.Response;
import io.ternmq.kafka.codec.api.FetchApi.Response.PartitionData;
import io.ternmq.kafka.server.handler.FetchHandler;
import io.ternmq.test.EmbeddedBroker;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import static io.ternmq.kafka.server.data.DataPathFixture.context;
import static io.ternmq.kafka.server.data.DataPathFixture.offsets;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Fetch long polling against a real broker: woken by arrivals, bounded by max_wait_ms, released on shutdown. */
class FetchLongPollTest {
    private EmbeddedBroker broker;
    private BrokerCore core;
    private ScheduledThreadPoolExecutor timer;
    private ExecutorService wakers;
    private FetchWaiters waiters;
    private Runnable unsubscribe;
    private FetchHandler handler;

    @BeforeEach
    void start() {
        broker = EmbeddedBroker.builder().config("defaultTopicQueueNums", "2").start();
        core = broker.broker().core();
        timer = new ScheduledThreadPoolExecutor(1);
        wakers = Executors.newFixedThreadPool(2);
        waiters = new FetchWaiters(core.messages().store()::maxOffset, timer, wakers);
        unsubscribe = core.arrivals().subscribe(waiters);
        handler = new FetchHandler(core, waiters, 30_000, PooledByteBufAllocator.DEFAULT);
    }

    @AfterEach
    void stop() {
        unsubscribe.run();
        waiters.close();
        timer.shutdownNow();
        wakers.shutdownNow();
        broker.close();
    }

    private static Struct fetch(String topic, int partition, long offset, int maxWaitMs) {
        Struct p = new Struct(Request.FetchPartition.SCHEMA)
                .set(Request.FetchPartition.PARTITION, partition)
                .set(Request.FetchPartition.FETCH_OFFSET, offset)
                .set(Request.FetchPartition.PARTITION_MAX_BYTES, 1 << 20);
        Struct other = new Struct(Request.FetchPartition.SCHEMA)
                .set(Request.FetchPartition.PARTITION, 1 - partition)
                .set(Request.FetchPartition.FETCH_OFFSET, 0L)
                .set(Request.FetchPartition.PARTITION_MAX_BYTES, 1 << 20);
        Struct t = new Struct(Request.FetchTopic.SCHEMA)
                .set(Request.FetchTopic.TOPIC, topic)
                .set(Request.FetchTopic.PARTITIONS, List.of(p, other));
        return new Struct(Request.SCHEMA)
                .set(Request.MAX_WAIT_MS, maxWaitMs)
                .set(Request.MIN_BYTES, 1)
                .set(Request.MAX_BYTES, 50 << 20)
                .set(Request.TOPICS, List.of(t));
    }

    private void append(String topic, int queue, String body) throws Exception {
        assertTrue(core.messages().append(new AppendRequest(topic, queue, List.of(MessageDraft.of(
                body.getBytes(StandardCharsets.UTF_8), Map.of(), System.currentTimeMillis())), ""))
                .get(5, TimeUnit.SECONDS).ok());
    }

    /** A store append is readable a moment after it is acknowledged; wait (bounded) for that. */
    private void appendReadable(String topic, int queue, String body) throws Exception {
        long end = core.messages().store().maxOffset(topic, queue);
        append(topic, queue, body);
        waiters.await(List.of(new FetchWaiters.WatchedQueue(topic, queue, end)), 5_000, null)
                .get(10, TimeUnit.SECONDS);
        assertTrue(core.messages().store().maxOffset(topic, queue) > end);
    }

    private static List<Struct> partitions(Struct response) {
        return response.get(Response.RESPONSES).get(0).get(Response.FetchableTopicResponse.PARTITIONS);
    }

    @Test
    void aWaitingFetchAnswersAsSoonAsARecordArrives() throws Exception {
        String topic = "poll-arrival";
        core.topics().checkWrite(topic, 0);
        appendReadable(topic, 0, "before");
        CompletableFuture<Struct> waiting = handler.handle(context(ApiKey.FETCH, 11), fetch(topic, 0, 1, 20_000));
        assertFalse(waiting.isDone(), "nothing new at offset 1: the fetch waits");
        assertEquals(1, waiters.waitingCount());

        long appended = System.nanoTime();
        append(topic, 0, "after");
        Struct response = waiting.get(5, TimeUnit.SECONDS);
        long tookMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - appended);
        assertTrue(tookMs < 2_000, "answered " + tookMs + " ms after the append, max_wait_ms is 20000");
        try {
            List<Struct> partitions = partitions(response);
            assertEquals(2, partitions.size(), "a full response holds every requested partition");
            Struct data = partitions.get(0);
            assertEquals(KafkaError.NONE.code(), data.get(PartitionData.ERROR_CODE));
            assertEquals(2L, data.get(PartitionData.HIGH_WATERMARK));
            ByteBuf records = data.get(PartitionData.RECORDS);
            assertEquals(List.of(1L), offsets(records));
            assertEquals(0, waiters.waitingCount());
        } finally {
            response.releaseBuffers();
        }
    }

    @Test
    void withoutDataTheFetchWaitsMaxWaitMs() throws Exception {
        String topic = "poll-timeout";
        core.topics().checkWrite(topic, 0);
        long started = System.nanoTime();
        Struct response = handler.handle(context(ApiKey.FETCH, 11), fetch(topic, 0, 0, 300))
                .get(5, TimeUnit.SECONDS);
        long tookMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        assertTrue(tookMs >= 290 && tookMs < 2_500, "waited " + tookMs + " ms for max_wait_ms 300");
        assertEquals(0, partitions(response).get(0).get(PartitionData.RECORDS).readableBytes());
        assertEquals(0, waiters.waitingCount());
    }

    @Test
    void outOfRangeOffsetsAnswerAtOnceAndShutdownReleasesWaits() throws Exception {
        String topic = "poll-range";
        core.topics().checkWrite(topic, 0);
        appendReadable(topic, 0, "only");
        Struct outOfRange = handler.handle(context(ApiKey.FETCH, 11), fetch(topic, 0, 5, 20_000))
                .get(5, TimeUnit.SECONDS);
        assertEquals(KafkaError.OFFSET_OUT_OF_RANGE.code(), partitions(outOfRange).get(0).get(PartitionData.ERROR_CODE));

        CompletableFuture<Struct> waiting = handler.handle(context(ApiKey.FETCH, 11), fetch(topic, 0, 1, 20_000));
        assertFalse(waiting.isDone());
        long closed = System.nanoTime();
        waiters.close();
        Struct response = waiting.get(5, TimeUnit.SECONDS);
        assertTrue(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - closed) < 2_000);
        assertEquals(KafkaError.NONE.code(), partitions(response).get(0).get(PartitionData.ERROR_CODE));
        assertEquals(0, waiters.waitingCount());
    }
}
