package io.ternmq.kafka.server.handler;

import io.netty.buffer.ByteBuf;
import io.ternmq.broker.core.BrokerCore;
import io.ternmq.broker.message.AppendOutcome;
import io.ternmq.broker.store.AppendRequest;
import io.ternmq.broker.topic.TopicCheck;
import io.ternmq.kafka.codec.KafkaError;
import io.ternmq.kafka.codec.Struct;
import io.ternmq.kafka.codec.api.ProduceApi.Request;
import io.ternmq.kafka.codec.api.ProduceApi.Request.PartitionProduceData;
import io.ternmq.kafka.codec.api.ProduceApi.Request.TopicProduceData;
import io.ternmq.kafka.codec.api.ProduceApi.Response;
import io.ternmq.kafka.codec.api.ProduceApi.Response.PartitionProduceResponse;
import io.ternmq.kafka.codec.api.ProduceApi.Response.TopicProduceResponse;
import io.ternmq.kafka.mapping.DraftMapping;
import io.ternmq.kafka.mapping.MappingStatus;
import io.ternmq.kafka.mapping.RecordsToDrafts;
import io.ternmq.kafka.producer.AppendedBatch;
import io.ternmq.kafka.producer.BatchSequence;
import io.ternmq.kafka.producer.ProducerStateTable;
import io.ternmq.kafka.producer.SequenceDecision;
import io.ternmq.kafka.producer.SequenceOutcome;
import io.ternmq.kafka.record.CompressionType;
import io.ternmq.kafka.record.InvalidBatchException;
import io.ternmq.kafka.record.KafkaRecord;
import io.ternmq.kafka.record.RecordBatch;
import io.ternmq.kafka.record.RecordBatchReader;
import io.ternmq.kafka.record.TimestampType;
import io.ternmq.kafka.server.ApiHandler;
import io.ternmq.kafka.server.RequestContext;
import io.ternmq.kafka.server.data.DataPathErrors;
import io.ternmq.kafka.server.data.VisibilityWaits;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Produce (0), v3-7 (v0-2 are advertised for librdkafka's feature probe but refused by the codec).
 *
 * <p>Per partition, in this order: topic check (auto-created like a native send when the broker allows it;
 * a partition is a queue), exactly one v2 batch passing the producer checks ({@link RecordBatchReader}), no
 * transactional batch (no Kafka transactions yet), no zstd below v7, no LogAppendTime from a client, at most the
 * broker's {@code maxMessageSize} bytes; then the records become one store append (one batch entry, so the records
 * get consecutive queue offsets: the queue offset of the first is the Kafka base offset). Batches with a producer id
 * go through the idempotent producer state ({@link ProducerStateTable}): a retried batch is answered NONE with its
 * original base offset and nothing is appended; gaps and stale epochs get their Kafka errors. Every outcome becomes a
 * Kafka error in {@link DataPathErrors}.
 *
 * <p>Durability: the store's future completes as the broker's flush policy says: under SYNC_FLUSH after the fsync,
 * under ASYNC_FLUSH once written to the page cache. {@code acks=1} and {@code acks=-1} (all) are the same on a
 * single node. {@code acks=0}: the client reads no response, so none is written; if any partition failed the
 * connection is closed, as Kafka does, since closing is the only signal such a client gets. Anything but -1, 0, 1 is
 * INVALID_REQUIRED_ACKS.
 *
 * <p>Read-your-writes: the store acknowledges an append a moment before its dispatcher makes it readable (indexes it
 * into the queue). Kafka acknowledges only records that are below the high watermark, and clients rely on it (a
 * consumer that seeks to an offset a produce returned must not get OFFSET_OUT_OF_RANGE), so the response waits
 * until the queue's end offset has passed the batch ({@link VisibilityWaits}: the dispatcher completes the wait, so
 * what runs after it is kept cheap: building and encoding the small response).
 * A delayed record ({@code ternmq-delay-level} / {@code ternmq-deliver-at-ms}) is answered once it is stored in the
 * broker's schedule, with base offset -1: its partition offset exists only when it is due.
 *
 * <p>The records are decoded once (decompressed if needed) and never recompressed; the handler only starts the
 * appends and the response is built when every partition's append completed, without blocking a thread meanwhile.
 * Requests of one connection are handled one at a time in arrival order, so pipelined batches of a partition reach
 * the store in order. Thread-safe.
 */
public final class ProduceHandler implements ApiHandler {
    private static final System.Logger LOG = System.getLogger(ProduceHandler.class.getName());
    /** Produce v7 is the first that may carry zstd batches (KIP-110). */
    private static final short FIRST_ZSTD_VERSION = 7;

    private final BrokerCore core;
    private final ProducerStateTable producerStates;
    private final VisibilityWaits visibility;
    private final int maxBatchBytes;
    private final int maxDecompressedBytes;

    /**
     * @param visibility    tells when appended records became readable (read-your-writes)
     * @param maxBatchBytes the broker's {@code maxMessageSize}: the largest batch accepted, as sent (compressed)
     */
    public ProduceHandler(BrokerCore core, ProducerStateTable producerStates, VisibilityWaits visibility,
                          int maxBatchBytes) {
        this.core = core;
        this.producerStates = producerStates;
        this.visibility = visibility;
        this.maxBatchBytes = maxBatchBytes;
        // records carry keys, headers and per-record overhead on top of the bodies the store limits to maxMessageSize;
        // twice that bounds what a hostile compressed batch can make us allocate
        this.maxDecompressedBytes = (int) Math.min(Integer.MAX_VALUE - 64, 2L * maxBatchBytes);
    }

    /** The store rejected an append: carries the Kafka error through the append's future. */
    private static final class AppendRejectedException extends RuntimeException {
        final KafkaError error;

        AppendRejectedException(KafkaError error, String message) {
            super(message, null, false, false);
            this.error = error;
        }
    }

    @Override
    public CompletableFuture<Struct> handle(RequestContext context, Struct request) {
        short acks = request.get(Request.ACKS);
        boolean ackless = acks == 0;
        if (ackless) {
            context.noResponse();
        }
        KafkaError refused = acks != -1 && acks != 0 && acks != 1 ? KafkaError.INVALID_REQUIRED_ACKS
                : request.get(Request.TRANSACTIONAL_ID) != null ? KafkaError.TRANSACTIONAL_ID_AUTHORIZATION_FAILED
                : KafkaError.NONE;
        String bornHost = bornHost(context);
        List<TopicResults> topics = new ArrayList<>();
        List<CompletableFuture<Struct>> pending = new ArrayList<>();
        for (Struct topicData : request.get(Request.TOPIC_DATA)) {
            String topic = topicData.get(TopicProduceData.NAME);
            List<CompletableFuture<Struct>> partitions = new ArrayList<>();
            for (Struct partitionData : topicData.get(TopicProduceData.PARTITION_DATA)) {
                int index = partitionData.get(PartitionProduceData.INDEX);
                CompletableFuture<Struct> result;
                if (refused != KafkaError.NONE) {
                    result = done(failed(index, refused));
                } else {
                    try {
                        result = produce(context.version(), topic, index,
                                partitionData.get(PartitionProduceData.RECORDS), bornHost);
                    } catch (RuntimeException e) {
                        LOG.log(System.Logger.Level.ERROR, "produce to " + topic + "-" + index + " failed", e);
                        result = done(failed(index, KafkaError.UNKNOWN_SERVER_ERROR));
                    }
                }
                partitions.add(result);
            }
            pending.addAll(partitions);
            topics.add(new TopicResults(topic, partitions));
        }
        return CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).thenApply(ignored -> {
            KafkaError firstError = KafkaError.NONE;
            List<Struct> topicResponses = new ArrayList<>(topics.size());
            for (TopicResults topic : topics) {
                List<Struct> partitions = new ArrayList<>(topic.partitions().size());
                for (CompletableFuture<Struct> result : topic.partitions()) {
                    Struct partition = result.join(); // complete: allOf completed
                    short code = partition.get(PartitionProduceResponse.ERROR_CODE);
                    if (code != 0 && firstError == KafkaError.NONE) {
                        firstError = KafkaError.forCode(code);
                    }
                    partitions.add(partition);
                }
                topicResponses.add(new Struct(TopicProduceResponse.SCHEMA)
                        .set(TopicProduceResponse.NAME, topic.name())
                        .set(TopicProduceResponse.PARTITION_RESPONSES, partitions));
            }
            if (ackless && firstError != KafkaError.NONE) {
                context.closeAfterResponse("produce with acks=0 failed: " + firstError);
            }
            return new Struct(Response.SCHEMA).set(Response.RESPONSES, topicResponses)
                    .set(Response.THROTTLE_TIME_MS, 0);
        });
    }

    /** One topic's partition results, in request order. */
    private record TopicResults(String name, List<CompletableFuture<Struct>> partitions) {
    }

    private CompletableFuture<Struct> produce(short version, String topic, int index, ByteBuf records,
                                              String bornHost) {
        KafkaError topicError = checkTopic(topic, index);
        if (topicError != KafkaError.NONE) {
            return done(failed(index, topicError));
        }
        if (records == null) {
            return done(failed(index, KafkaError.INVALID_RECORD));
        }
        RecordBatch batch;
        DraftMapping mapping;
        try {
            batch = RecordBatchReader.readProduceBatch(records);
            KafkaError refused = refusal(version, batch);
            if (refused != KafkaError.NONE) {
                return done(failed(index, refused));
            }
            mapping = map(topic, index, batch, bornHost);
        } catch (InvalidBatchException e) {
            return done(failed(index, DataPathErrors.of(e.status())));
        }
        if (mapping.status() != MappingStatus.MAPPED) {
            return done(failed(index, DataPathErrors.of(mapping.status())));
        }
        CompletableFuture<AppendedBatch> appended;
        if (batch.producerId() >= 0) {
            BatchSequence sequence = new BatchSequence(batch.producerId(), batch.producerEpoch(),
                    batch.baseSequence(), batch.lastSequence());
            SequenceDecision decision = producerStates.append(topic, index, sequence,
                    () -> append(mapping.request()));
            if (decision.outcome() != SequenceOutcome.APPEND && decision.outcome() != SequenceOutcome.DUPLICATE) {
                return done(failed(index, DataPathErrors.of(decision.outcome())));
            }
            appended = decision.result();
        } else {
            appended = append(mapping.request());
        }
        return appended.thenCompose(placed -> readable(topic, index, placed)).handle((placed, error) -> error == null
                ? new Struct(PartitionProduceResponse.SCHEMA)
                        .set(PartitionProduceResponse.INDEX, index)
                        .set(PartitionProduceResponse.ERROR_CODE, KafkaError.NONE.code())
                        .set(PartitionProduceResponse.BASE_OFFSET, placed.baseOffset())
                        .set(PartitionProduceResponse.LOG_APPEND_TIME_MS, -1L)
                        .set(PartitionProduceResponse.LOG_START_OFFSET,
                                core.messages().store().minOffset(topic, index))
                : failed(index, errorOf(topic, index, error)));
    }

    /**
     * The append a batch becomes. An uncompressed batch is stored as it came, with each message's body a range of it,
     * so a fetch sends it on unchanged; a compressed one is decompressed into one message per record. Either way an
     * idempotent batch's first message keeps its producer id, epoch and sequences, so the producer state can be
     * rebuilt from the log after a crash.
     */
    private DraftMapping map(String topic, int index, RecordBatch batch, String bornHost)
            throws InvalidBatchException {
        if (batch.compressionType() == CompressionType.NONE) {
            return RecordsToDrafts.toAttachedRequest(topic, index, batch.buffer().nioBuffer(), batch.locatedRecords(),
                    bornHost, batch.producerId(), batch.producerEpoch(), batch.baseSequence(), batch.lastSequence());
        }
        return RecordsToDrafts.toAppendRequest(topic, index, batch.records(maxDecompressedBytes), bornHost,
                batch.producerId(), batch.producerEpoch(), batch.baseSequence(), batch.lastSequence());
    }

    /** Completes once the batch is readable (the queue's end offset passed its last offset). */
    private CompletableFuture<AppendedBatch> readable(String topic, int index, AppendedBatch placed) {
        if (placed.scheduled()) {
            return CompletableFuture.completedFuture(placed);
        }
        return visibility.await(topic, index, placed.lastOffset()).thenApply(readable -> placed);
    }

    /** Checks that need only the batch header; NONE when the batch may be decoded. */
    private KafkaError refusal(short version, RecordBatch batch) {
        if (batch.isTransactional()) {
            return KafkaError.INVALID_RECORD; // no Kafka transactions yet; InitProducerId refuses transactional ids
        }
        if (batch.compressionType() == CompressionType.ZSTD && version < FIRST_ZSTD_VERSION) {
            return KafkaError.UNSUPPORTED_COMPRESSION_TYPE;
        }
        if (batch.timestampType() == TimestampType.LOG_APPEND_TIME) {
            return KafkaError.INVALID_TIMESTAMP; // the broker sets LogAppendTime, a client may not
        }
        if (batch.sizeInBytes() > maxBatchBytes) {
            return KafkaError.MESSAGE_TOO_LARGE;
        }
        return KafkaError.NONE;
    }

    private KafkaError checkTopic(String topic, int index) {
        if (KafkaTopicNames.problem(topic).isPresent()) {
            return KafkaError.INVALID_TOPIC_EXCEPTION;
        }
        if (KafkaTopicNames.isInternal(topic)) {
            return KafkaError.TOPIC_AUTHORIZATION_FAILED;
        }
        if (index < 0) {
            return KafkaError.UNKNOWN_TOPIC_OR_PARTITION;
        }
        // creates the topic when autoCreateTopicEnable is on, the same path as a native send and Metadata
        TopicCheck check = core.topics().checkWrite(topic, index);
        return DataPathErrors.of(check);
    }

    /** Starts the store append; the future fails with {@link AppendRejectedException} unless stored. */
    private CompletableFuture<AppendedBatch> append(AppendRequest request) {
        return core.messages().append(request).thenApply(ProduceHandler::placement);
    }

    private static AppendedBatch placement(AppendOutcome outcome) {
        if (outcome.topicCheck() != TopicCheck.OK) {
            throw new AppendRejectedException(DataPathErrors.of(outcome.topicCheck()), outcome.topicCheck().name());
        }
        if (!outcome.ok()) {
            throw new AppendRejectedException(DataPathErrors.of(outcome.result().status()),
                    outcome.result().errorMessage());
        }
        if (outcome.scheduled()) {
            // a delayed record gets its partition offset only when due: answer "no offset", as acks=0 does
            return AppendedBatch.SCHEDULED;
        }
        long base = outcome.result().baseQueueOffset();
        return new AppendedBatch(base, base + outcome.result().messageCount() - 1, -1);
    }

    private static KafkaError errorOf(String topic, int index, Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        if (cause instanceof AppendRejectedException rejected) {
            return rejected.error;
        }
        LOG.log(System.Logger.Level.ERROR, "append to " + topic + "-" + index + " failed", cause);
        return KafkaError.KAFKA_STORAGE_ERROR;
    }

    private static Struct failed(int index, KafkaError error) {
        return new Struct(PartitionProduceResponse.SCHEMA)
                .set(PartitionProduceResponse.INDEX, index)
                .set(PartitionProduceResponse.ERROR_CODE, error.code())
                .set(PartitionProduceResponse.BASE_OFFSET, -1L)
                .set(PartitionProduceResponse.LOG_APPEND_TIME_MS, -1L)
                .set(PartitionProduceResponse.LOG_START_OFFSET, -1L);
    }

    private static String bornHost(RequestContext context) {
        String address = context.connection().remoteAddress();
        return address.startsWith("/") ? address.substring(1) : address;
    }

    private static CompletableFuture<Struct> done(Struct partition) {
        return CompletableFuture.completedFuture(partition);
    }
}
