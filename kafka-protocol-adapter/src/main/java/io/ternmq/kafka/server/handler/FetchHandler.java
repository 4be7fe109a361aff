package io.ternmq.kafka.server.handler;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import io.ternmq.broker.core.BrokerCore;
import io.ternmq.broker.message.ReadBytesOutcome;
import io.ternmq.broker.store.MessageFilter;
import io.ternmq.broker.store.ReadBytesResult;
import io.ternmq.broker.store.RecordCheck;
import io.ternmq.broker.store.read.StoredMessageBytes;
import io.ternmq.broker.topic.TopicCheck;
import io.ternmq.kafka.codec.KafkaError;
import io.ternmq.kafka.codec.Struct;
import io.ternmq.kafka.codec.api.FetchApi.Request;
import io.ternmq.kafka.codec.api.FetchApi.Request.FetchPartition;
import io.ternmq.kafka.codec.api.FetchApi.Request.FetchTopic;
import io.ternmq.kafka.codec.api.FetchApi.Response;
import io.ternmq.kafka.codec.api.FetchApi.Response.FetchableTopicResponse;
import io.ternmq.kafka.codec.api.FetchApi.Response.PartitionData;
import io.ternmq.kafka.mapping.LinkedRecords;
import io.ternmq.kafka.mapping.StoredToBatches;
import io.ternmq.kafka.record.RecordBatch;
import io.ternmq.kafka.server.ApiHandler;
import io.ternmq.kafka.server.RequestContext;
import io.ternmq.kafka.server.data.DataPathErrors;
import io.ternmq.kafka.server.data.FetchWaiters;
import io.ternmq.kafka.server.data.FetchWaiters.WatchedQueue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Fetch (1), v4-11, without fetch sessions: the response always carries {@code session_id} 0, so clients keep
 * sending full requests (KIP-227 allows a broker to decline sessions), and a full response holds every requested
 * partition, in request order. A request naming a session gets FETCH_SESSION_ID_NOT_FOUND.
 *
 * <p>Per partition: the messages from {@code fetch_offset} (a queue offset) become record batches (one per produced
 * batch read whole, with its CRC from append time; else one per run of consecutive offsets), uncompressed, CreateTime =
 * born timestamps ({@link StoredToBatches}), written straight from
 * the stored record bytes into one pooled buffer that the response links without copying. High watermark and last
 * stable offset = the queue's end offset (no transactions, so {@code isolation_level} changes nothing), log start =
 * the queue's first offset, aborted transactions null for read_uncommitted and empty for read_committed, preferred
 * read replica -1. A fetch offset below the first or past the end offset gets OFFSET_OUT_OF_RANGE (clients then
 * apply {@code auto.offset.reset}); at the end offset the partition is simply empty.
 *
 * <p>Sizes: {@code partition_max_bytes} and {@code max_bytes} bound the message bytes read, softly like Kafka's: the
 * first non-empty partition always returns at least one message so consumers make progress past a large one, and
 * once {@code max_bytes} is used up the remaining partitions are returned empty.
 *
 * <p>Long polling: with fewer than {@code min_bytes} bytes to return and no partition error, the fetch waits
 * ({@link FetchWaiters}) for a message to arrive in any of its partitions, up to {@code max_wait_ms} (capped by
 * {@code kafkaFetchMaxWaitCapMs}), then reads again. A wait ends early when the connection closes or the listener
 * shuts down.
 *
 * <p>The partitions of one fetch may be read on several threads ({@link SharedReads}): building batches is CPU
 * work the consumer waits for. The response is the same as when they are read in order. Thread-safe.
 */
public final class FetchHandler implements ApiHandler {
    /** Most messages read from one partition per fetch (the byte limits normally stop earlier). */
    static final int MAX_MESSAGES_PER_PARTITION = 32_768;
    private static final byte READ_COMMITTED = 1;

    private final BrokerCore core;
    private final FetchWaiters waiters;
    private final int maxWaitCapMs;
    private final ByteBufAllocator alloc;
    private final Executor readHelpers;
    private final boolean parallel;

    /** Reads the partitions of a fetch one after the other on the request's thread. */
    public FetchHandler(BrokerCore core, FetchWaiters waiters, int maxWaitCapMs, ByteBufAllocator alloc) {
        this(core, waiters, maxWaitCapMs, alloc, null);
    }

    /** @param readHelpers threads that may read some partitions of a fetch in parallel ({@link SharedReads}) */
    public FetchHandler(BrokerCore core, FetchWaiters waiters, int maxWaitCapMs, ByteBufAllocator alloc,
                        Executor readHelpers) {
        this.core = core;
        this.waiters = waiters;
        this.maxWaitCapMs = maxWaitCapMs;
        this.alloc = alloc;
        this.readHelpers = readHelpers;
        this.parallel = readHelpers != null;
    }

    /** One partition to read. */
    private record PartitionFetch(String topic, int partition, long fetchOffset, int maxBytes) {
    }

    /** The request, as read once. */
    private record Plan(List<String> topics, List<List<PartitionFetch>> partitions, int maxBytes, int minBytes,
                        boolean readCommitted) {
    }

    /** One partition's response data, the queue to watch if the fetch waits, and the budget it was read with. */
    private record PartitionRead(Struct data, List<WatchedQueue> watches, int budget) {
    }

    /** One read of every partition: the response and what decides whether to wait. */
    private record Attempt(Struct response, long bytes, boolean anyError, List<WatchedQueue> watches) {
    }

    @Override
    public CompletableFuture<Struct> handle(RequestContext context, Struct request) {
        if (context.version() >= 7 && request.get(Request.SESSION_ID) != 0) {
            return CompletableFuture.completedFuture(new Struct(Response.SCHEMA)
                    .set(Response.THROTTLE_TIME_MS, 0)
                    .set(Response.ERROR_CODE, KafkaError.FETCH_SESSION_ID_NOT_FOUND.code())
                    .set(Response.SESSION_ID, 0)
                    .set(Response.RESPONSES, List.of()));
        }
        Plan plan = plan(request);
        long waitMs = Math.max(0, Math.min(request.get(Request.MAX_WAIT_MS), maxWaitCapMs));
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(waitMs);
        return attempt(context, plan, deadline);
    }

    private CompletableFuture<Struct> attempt(RequestContext context, Plan plan, long deadlineNanos) {
        Attempt attempt = read(plan);
        long remainingMs = TimeUnit.NANOSECONDS.toMillis(deadlineNanos - System.nanoTime());
        if (attempt.bytes() >= plan.minBytes() || attempt.anyError() || remainingMs <= 0
                || attempt.watches().isEmpty()) {
            return CompletableFuture.completedFuture(attempt.response());
        }
        attempt.response().releaseBuffers();
        return waiters.await(attempt.watches(), remainingMs, context.connection()).thenCompose(reason ->
                switch (reason) {
                    case ARRIVAL -> attempt(context, plan, deadlineNanos);
                    case TIMEOUT, SHUTDOWN -> CompletableFuture.completedFuture(read(plan).response());
                    // nobody will read the answer: do not read the store for it
                    case CONNECTION_CLOSED -> CompletableFuture.completedFuture(emptyResponse(plan));
                });
    }

    private static Plan plan(Struct request) {
        List<String> topics = new ArrayList<>();
        List<List<PartitionFetch>> partitions = new ArrayList<>();
        for (Struct topic : request.get(Request.TOPICS)) {
            String name = topic.get(FetchTopic.TOPIC);
            List<PartitionFetch> wanted = new ArrayList<>();
            for (Struct p : topic.get(FetchTopic.PARTITIONS)) {
                wanted.add(new PartitionFetch(name, p.get(FetchPartition.PARTITION), p.get(FetchPartition.FETCH_OFFSET),
                        p.get(FetchPartition.PARTITION_MAX_BYTES)));
            }
            topics.add(name);
            partitions.add(wanted);
        }
        int maxBytes = request.get(Request.MAX_BYTES);
        return new Plan(topics, partitions, maxBytes <= 0 ? Integer.MAX_VALUE : maxBytes,
                request.get(Request.MIN_BYTES), request.get(Request.ISOLATION_LEVEL) == READ_COMMITTED);
    }

    private Attempt read(Plan plan) {
        List<PartitionFetch> all = new ArrayList<>();
        plan.partitions().forEach(all::addAll);
        long wantedBytes = 0;
        for (PartitionFetch p : all) {
            wantedBytes += p.maxBytes();
        }
        // in parallel only when max_bytes cannot cut a partition short, so reads ahead are not read twice
        List<PartitionRead> reads = parallel && all.size() > 1 && wantedBytes <= plan.maxBytes()
                ? readInParallel(all, plan) : List.of();
        List<Struct> topicResponses = new ArrayList<>(plan.topics().size());
        List<WatchedQueue> watches = new ArrayList<>();
        long bytes = 0;
        boolean anyError = false;
        int next = 0;
        for (int t = 0; t < plan.topics().size(); t++) {
            List<PartitionFetch> wanted = plan.partitions().get(t);
            List<Struct> partitionResponses = new ArrayList<>(wanted.size());
            for (PartitionFetch p : wanted) {
                int budget = budget(p, plan, bytes);
                PartitionRead read = next < reads.size() ? reads.get(next) : null;
                if (read == null || read.budget() != budget) {
                    // read ahead with the budget of an empty response, but earlier partitions used part of it
                    if (read != null) {
                        read.data().releaseBuffers();
                    }
                    read = readPartition(p, budget, plan.readCommitted());
                }
                next++;
                Struct data = read.data();
                watches.addAll(read.watches());
                anyError |= data.get(PartitionData.ERROR_CODE) != KafkaError.NONE.code();
                bytes += data.get(PartitionData.RECORDS).readableBytes();
                partitionResponses.add(data);
            }
            topicResponses.add(new Struct(FetchableTopicResponse.SCHEMA)
                    .set(FetchableTopicResponse.TOPIC, plan.topics().get(t))
                    .set(FetchableTopicResponse.PARTITIONS, partitionResponses));
        }
        return new Attempt(response(topicResponses), bytes, anyError, watches);
    }

    /**
     * Every partition read at once ({@link SharedReads}), each with the budget it gets when the partitions before
     * it return nothing; {@link #read} re-reads the rare partition whose real budget turns out smaller, so the
     * response is the same as a sequential read's.
     */
    private List<PartitionRead> readInParallel(List<PartitionFetch> all, Plan plan) {
        List<Supplier<PartitionRead>> reads = new ArrayList<>(all.size());
        for (PartitionFetch p : all) {
            int budget = budget(p, plan, 0);
            reads.add(() -> readPartition(p, budget, plan.readCommitted()));
        }
        return SharedReads.run(reads, readHelpers, read -> read.data().releaseBuffers());
    }

    /** Message bytes partition {@code p} may return after {@code bytes} of the response; 0 = none (full). */
    private static int budget(PartitionFetch p, Plan plan, long bytes) {
        long budget = Math.min(p.maxBytes(), plan.maxBytes() - bytes);
        return bytes > 0 && budget <= 0 ? 0 : (int) Math.max(1, budget);
    }

    /**
     * @param budget message bytes this partition may return; 0 = none (the response is full), still reporting the
     *               partition's offsets
     */
    private PartitionRead readPartition(PartitionFetch p, int budget, boolean readCommitted) {
        List<WatchedQueue> watches = new ArrayList<>(1);
        return new PartitionRead(readPartition(p, budget, readCommitted, watches), watches, budget);
    }

    private Struct readPartition(PartitionFetch p, int budget, boolean readCommitted, List<WatchedQueue> watches) {
        TopicCheck check = p.partition() < 0 ? TopicCheck.QUEUE_NOT_EXIST : core.topics().checkRead(p.topic(),
                p.partition());
        if (check != TopicCheck.OK) {
            KafkaError error = check == TopicCheck.ILLEGAL_NAME ? KafkaError.UNKNOWN_TOPIC_OR_PARTITION
                    : DataPathErrors.of(check);
            return partition(p.partition(), error, -1, -1, readCommitted, Unpooled.EMPTY_BUFFER);
        }
        if (budget == 0) {
            long end = core.messages().store().maxOffset(p.topic(), p.partition());
            long start = core.messages().store().minOffset(p.topic(), p.partition());
            KafkaError error = p.fetchOffset() < start || p.fetchOffset() > end ? KafkaError.OFFSET_OUT_OF_RANGE
                    : KafkaError.NONE;
            return partition(p.partition(), error, end, start, readCommitted, Unpooled.EMPTY_BUFFER);
        }
        // record CRCs are checked by StoredToBatches, which skips those whose batch CRC was computed at append time
        ReadBytesOutcome outcome = core.messages().readBytes(p.topic(), p.partition(), p.fetchOffset(),
                MAX_MESSAGES_PER_PARTITION, budget, MessageFilter.ACCEPT_ALL, RecordCheck.BY_CALLER);
        if (outcome.topicCheck() != TopicCheck.OK) { // deleted between the checks
            return partition(p.partition(), DataPathErrors.of(outcome.topicCheck()), -1, -1, readCommitted,
                    Unpooled.EMPTY_BUFFER);
        }
        ReadBytesResult r = outcome.result();
        long end = r.maxOffset();
        long start = r.minOffset();
        switch (r.status()) {
            case FOUND -> {
                LinkedRecords linked = new LinkedRecords(alloc, estimatedSize(r.messages()));
                ByteBuf records;
                try {
                    StoredToBatches.writeBatches(linked, r.messages());
                    records = linked.finish();
                } catch (RuntimeException e) {
                    linked.release();
                    throw e;
                }
                watches.add(new WatchedQueue(p.topic(), p.partition(), end));
                return partition(p.partition(), KafkaError.NONE, end, start, readCommitted, records);
            }
            case NO_NEW_MESSAGE, NO_MATCHED_MESSAGE -> {
                watches.add(new WatchedQueue(p.topic(), p.partition(), Math.max(end, p.fetchOffset())));
                return partition(p.partition(), KafkaError.NONE, end, start, readCommitted, Unpooled.EMPTY_BUFFER);
            }
            case NO_SUCH_QUEUE -> {
                // an existing partition nobody wrote to yet: empty at offset 0
                if (p.fetchOffset() != 0) {
                    return partition(p.partition(), KafkaError.OFFSET_OUT_OF_RANGE, 0, 0, readCommitted,
                            Unpooled.EMPTY_BUFFER);
                }
                watches.add(new WatchedQueue(p.topic(), p.partition(), 0));
                return partition(p.partition(), KafkaError.NONE, 0, 0, readCommitted, Unpooled.EMPTY_BUFFER);
            }
            default -> {
                return partition(p.partition(), KafkaError.OFFSET_OUT_OF_RANGE, end, start, readCommitted,
                        Unpooled.EMPTY_BUFFER);
            }
        }
    }

    /**
     * Room for the batches built from these messages: header once, per record the body, properties and varint
     * overhead. Messages stored with their batch are linked, not written.
     */
    private static int estimatedSize(List<StoredMessageBytes> messages) {
        long size = RecordBatch.HEADER_SIZE;
        for (StoredMessageBytes m : messages) {
            if (m.bodyInline()) {
                size += m.bodyLength() + m.propertiesLength() + 32;
            }
        }
        return (int) Math.min(size, Integer.MAX_VALUE - 8);
    }

    private static Struct partition(int index, KafkaError error, long endOffset, long startOffset,
                                    boolean readCommitted, ByteBuf records) {
        return new Struct(PartitionData.SCHEMA)
                .set(PartitionData.PARTITION_INDEX, index)
                .set(PartitionData.ERROR_CODE, error.code())
                .set(PartitionData.HIGH_WATERMARK, endOffset)
                .set(PartitionData.LAST_STABLE_OFFSET, endOffset)
                .set(PartitionData.LOG_START_OFFSET, startOffset)
                .set(PartitionData.ABORTED_TRANSACTIONS, readCommitted ? List.of() : null)
                .set(PartitionData.PREFERRED_READ_REPLICA, -1)
                .set(PartitionData.RECORDS, records);
    }

    private static Struct emptyResponse(Plan plan) {
        List<Struct> topicResponses = new ArrayList<>(plan.topics().size());
        for (int t = 0; t < plan.topics().size(); t++) {
            List<Struct> partitions = new ArrayList<>();
            for (PartitionFetch p : plan.partitions().get(t)) {
                partitions.add(partition(p.partition(), KafkaError.NONE, -1, -1, plan.readCommitted(),
                        Unpooled.EMPTY_BUFFER));
            }
            topicResponses.add(new Struct(FetchableTopicResponse.SCHEMA)
                    .set(FetchableTopicResponse.TOPIC, plan.topics().get(t))
                    .set(FetchableTopicResponse.PARTITIONS, partitions));
        }
        return response(topicResponses);
    }

    private static Struct response(List<Struct> topicResponses) {
        return new Struct(Response.SCHEMA)
                .set(Response.THROTTLE_TIME_MS, 0)
                .set(Response.ERROR_CODE, KafkaError.NONE.code())
                .set(Response.SESSION_ID, 0)
                .set(Response.RESPONSES, topicResponses);
    }
}
