package io.ternmq.kafka.mapping;

import io.netty.buffer.ByteBuf;
import io.ternmq.broker.store.StoredMessage;
import io.ternmq.broker.store.read.StoredMessageBytes;
import io.ternmq.kafka.record.BatchSpec;
import io.ternmq.kafka.record.CompressionType;
import io.ternmq.kafka.record.RecordBatchWriter;
import io.ternmq.kafka.record.RecordHeader;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.ToLongFunction;

/**
 * Fetch side: stored messages become record batches, one per run of consecutive queue offsets (a filter or a
 * retention gap starts a new batch), each with baseOffset = the run's first queue offset, CreateTime = born
 * timestamps, and no producer fields. Values are copied straight from the stored record bytes (a view of the
 * mapped CommitLog, so this is their only copy before the socket). Mapping rules in
 * {@link MessageRecordMapping}. Stateless and thread-safe; the output buffer is the caller's.
 */
public final class StoredToBatches {
    private StoredToBatches() {
    }

    /**
     * Appends the batches for {@code messages} (queue order, as {@code readBytes} returns them) to {@code out}.
     *
     * @return the number of batches written
     */
    public static int writeBatches(ByteBuf out, List<StoredMessageBytes> messages, CompressionType compression) {
        return write(out, messages, compression, StoredMessageBytes::queueOffset, (writer, m) -> {
            Map<String, String> props = m.propertiesLength() == 0 ? Map.of() : m.properties();
            byte[] key = MessageRecordMapping.key(props);
            List<RecordHeader> headers = props.isEmpty() ? List.of() : MessageRecordMapping.headers(props);
            ByteBuffer value = MessageRecordMapping.valueIsNull(props) ? null : m.slice(m.bodyPos() + 4, m.bodyLength());
            writer.append(m.bornTimestamp(), key, 0, key == null ? -1 : key.length, value, headers);
        });
    }

    /** As {@link #writeBatches}, for decoded messages (the {@code read} path). */
    public static int writeStoredMessages(ByteBuf out, List<StoredMessage> messages, CompressionType compression) {
        return write(out, messages, compression, StoredMessage::queueOffset, (writer, m) ->
                writer.append(MessageRecordMapping.toRecord(m.properties(), m.body(), m.bornTimestamp())));
    }

    /** Starts a new batch at every gap in queue offsets; a failure abandons the batch being written. */
    private static <M> int write(ByteBuf out, List<M> messages, CompressionType compression,
                                 ToLongFunction<M> queueOffset, BiConsumer<RecordBatchWriter, M> append) {
        RecordBatchWriter writer = null;
        long expected = -1;
        int batches = 0;
        try {
            for (M m : messages) {
                long offset = queueOffset.applyAsLong(m);
                if (writer == null || offset != expected) {
                    if (writer != null) {
                        writer.finish();
                        writer = null;
                    }
                    writer = new RecordBatchWriter(out, BatchSpec.of(offset, compression));
                    batches++;
                }
                append.accept(writer, m);
                expected = offset + 1;
            }
            if (writer != null) {
                writer.finish();
                writer = null;
            }
            return batches;
        } finally {
            if (writer != null) {
                writer.abandon();
            }
        }
    }
}
