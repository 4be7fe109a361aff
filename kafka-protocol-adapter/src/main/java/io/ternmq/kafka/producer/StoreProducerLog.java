package io.ternmq.kafka.producer;

import io.ternmq.broker.store.MessageFilter;
import io.ternmq.broker.store.MessageStore;
import io.ternmq.broker.store.ReadResult;
import io.ternmq.broker.store.ReadStatus;
import io.ternmq.broker.store.StoredMessage;
import io.ternmq.kafka.mapping.KafkaPropertyNames;
import io.ternmq.kafka.mapping.StoredBatchHeader;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * {@link ProducerLog} over the broker's message store: batches are found by the {@link
 * KafkaPropertyNames#PRODUCER_BATCH} property of their first message (written by the produce path), read in chunks of
 * {@value #CHUNK_MESSAGES} messages with a filter that drops every other message before it is returned. Thread-safe
 * (the store is).
 */
public final class StoreProducerLog implements ProducerLog {
    private static final int CHUNK_MESSAGES = 512;
    private static final int CHUNK_BYTES = 4 << 20;
    private static final MessageFilter FIRST_OF_IDEMPOTENT_BATCH = new MessageFilter() {
        @Override
        public boolean matchesTagHash(long tagHash, boolean batchEntry) {
            return true;
        }

        @Override
        public boolean matches(Map<String, String> properties) {
            return properties.containsKey(KafkaPropertyNames.PRODUCER_BATCH);
        }
    };

    private final MessageStore store;
    private final Supplier<Collection<String>> topics;

    /** @param topics the names of every topic (e.g. the topic registry's) */
    public StoreProducerLog(MessageStore store, Supplier<Collection<String>> topics) {
        this.store = store;
        this.topics = topics;
    }

    @Override
    public long endOffset(String topic, int partition) {
        return store.maxOffset(topic, partition);
    }

    @Override
    public List<LogPartition> partitions() {
        List<LogPartition> result = new ArrayList<>();
        for (String topic : topics.get()) {
            for (int queueId : store.queueIds(topic)) {
                result.add(new LogPartition(topic, queueId));
            }
        }
        return result;
    }

    @Override
    public void readBatches(String topic, int partition, long from, long to, Consumer<StoredBatch> sink) {
        long offset = Math.max(from, store.minOffset(topic, partition));
        while (offset < to) {
            ReadResult r = store.read(topic, partition, offset, CHUNK_MESSAGES, CHUNK_BYTES, FIRST_OF_IDEMPOTENT_BATCH);
            if (r.status() != ReadStatus.FOUND && r.status() != ReadStatus.NO_MATCHED_MESSAGE) {
                return;
            }
            for (StoredMessage m : r.messages()) {
                if (m.queueOffset() >= to) {
                    return;
                }
                Optional<StoredBatchHeader> header = StoredBatchHeader.parse(
                        m.properties().get(KafkaPropertyNames.PRODUCER_BATCH));
                header.ifPresent(h -> sink.accept(new StoredBatch(new BatchSequence(h.producerId(),
                        h.producerEpoch(), h.firstSeq(), h.lastSeq()), m.queueOffset(),
                        m.queueOffset() + h.recordCount() - 1, m.storeTimestamp())));
            }
            if (r.nextOffset() <= offset) {
                return; // no progress: never loop
            }
            offset = r.nextOffset();
        }
    }
}
