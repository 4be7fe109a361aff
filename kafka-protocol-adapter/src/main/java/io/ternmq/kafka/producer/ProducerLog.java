package io.ternmq.kafka.producer;

import java.util.List;
import java.util.function.Consumer;

/**
 * The log the producer state describes: end offsets (is a snapshot still current?), every partition (which ones may
 * have been written since a snapshot?) and the idempotent batches stored in an offset range (rebuilding the state after
 * a crash). The broker's implementation is {@link StoreProducerLog}.
 */
public interface ProducerLog extends EndOffsets {

    /** A partition (queue) of the store. */
    record LogPartition(String topic, int partition) {
    }

    /** An idempotent batch as stored: its sequences and where it is. */
    record StoredBatch(BatchSequence sequence, long baseOffset, long lastOffset, long storeTimestampMs) {
    }

    /** Every partition of every topic in the store. */
    List<LogPartition> partitions();

    /** Calls {@code sink} with each idempotent batch whose first message is in [from, to), in offset order. */
    void readBatches(String topic, int partition, long from, long to, Consumer<StoredBatch> sink);
}
