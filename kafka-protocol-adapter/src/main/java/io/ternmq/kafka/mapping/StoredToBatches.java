package io.ternmq.kafka.mapping;

import io.netty.buffer.ByteBuf;
import io.ternmq.broker.store.StoredMessage;
import io.ternmq.broker.store.read.StoredMessageBytes;
import io.ternmq.kafka.record.BatchSpec;
import io.ternmq.kafka.record.CompressionType;
import io.ternmq.kafka.record.RecordAppender;
import io.ternmq.kafka.record.RecordBatchWriter;
import io.ternmq.kafka.record.RecordHeader;

import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Fetch side: stored messages become record batches with baseOffset = the first message's queue offset, CreateTime =
 * born timestamps, and no producer fields. Values are copied straight from the stored record bytes (a view of the
 * mapped CommitLog, so this is their only copy before the socket). Mapping rules in {@link MessageRecordMapping}.
 *
 * <p>Messages stored with the Kafka batch they were produced in ({@link AttachedBatches}) are sent as that batch,
 * whole, even when the read starts inside it (as Kafka does; consumers skip the records before their position).
 *
 * <p>The messages of one produced Kafka batch that come back whole become one batch carrying the CRC computed when
 * they were appended ({@link BatchView}), and their CommitLog record is not checked again here. Every other run of
 * consecutive queue offsets (native messages, a batch read from its middle; a filter or retention gap starts a new
 * run) becomes one batch with a CRC computed now, and each record it draws from is checked against its CommitLog
 * CRC first: a damaged record ends the output before it, so it is never served. Stateless and thread-safe; the
 * output buffer is the caller's.
 */
public final class StoredToBatches {
    private static final System.Logger LOG = System.getLogger(StoredToBatches.class.getName());

    private StoredToBatches() {
    }

    /**
     * Appends the batches for {@code messages} (queue order, as {@code readBytes} returns them, with or without the
     * store's record CRC check) to {@code out}.
     *
     * @return the number of batches written
     */
    public static int writeBatches(ByteBuf out, List<StoredMessageBytes> messages, CompressionType compression) {
        return writeBatches(out, out::writeBytes, messages, compression);
    }

    /**
     * As {@link #writeBatches(ByteBuf, List, CompressionType)}, linking stored batches into {@code out} instead of
     * copying them: the fetch path.
     */
    public static int writeBatches(LinkedRecords out, List<StoredMessageBytes> messages) {
        return writeBatches(out.written(), out::link, messages, CompressionType.NONE);
    }

    /** @param storedBatches takes each stored batch sent as it is, in order with what is written to {@code out} */
    private static int writeBatches(ByteBuf out, Consumer<ByteBuffer> storedBatches, List<StoredMessageBytes> messages,
                                    CompressionType compression) {
        OffsetRuns runs = new OffsetRuns(out, compression);
        long checkedRecord = -1;
        int knownCrcBatches = 0;
        try {
            int i = 0;
            while (i < messages.size()) {
                StoredMessageBytes m = messages.get(i);
                ByteBuffer attached = compression == CompressionType.NONE ? AttachedBatches.sendable(m) : null;
                if (attached != null) {
                    runs.finish();
                    storedBatches.accept(attached);
                    knownCrcBatches++;
                    i = AttachedBatches.nextRecord(messages, i);
                    continue;
                }
                Map<String, String> props = m.propertiesLength() == 0 ? Map.of() : m.properties();
                BatchView view = compression == CompressionType.NONE && m.index() == 0
                        ? BatchView.parse(props.get(KafkaPropertyNames.BATCH_VIEW)) : null;
                if (view != null && view.covers(messages, i)) {
                    runs.finish();
                    writeWithKnownCrc(out, messages, i, props, view);
                    knownCrcBatches++;
                    i += view.count();
                    continue;
                }
                if (m.commitLogOffset() != checkedRecord) {
                    if (!m.recordCrcMatches()) {
                        LOG.log(Level.ERROR, "not serving damaged CommitLog record at offset " + m.commitLogOffset()
                                + " (queue offset " + m.queueOffset() + "): CRC mismatch");
                        break;
                    }
                    checkedRecord = m.commitLogOffset();
                }
                appendMessage(runs.writerFor(m.queueOffset()), props, m);
                i++;
            }
            runs.finish();
            return runs.batches() + knownCrcBatches;
        } finally {
            runs.abandon();
        }
    }

    /** As {@link #writeBatches}, for decoded messages (the {@code read} path); one batch per run of offsets. */
    public static int writeStoredMessages(ByteBuf out, List<StoredMessage> messages, CompressionType compression) {
        OffsetRuns runs = new OffsetRuns(out, compression);
        try {
            for (StoredMessage m : messages) {
                runs.writerFor(m.queueOffset())
                        .append(MessageRecordMapping.toRecord(m.properties(), m.body(), m.bornTimestamp()));
            }
            runs.finish();
            return runs.batches();
        } finally {
            runs.abandon();
        }
    }

    /**
     * Appends the record a message stands for. The one place that decides a fetched record's bytes, so the CRC
     * {@link BatchView} computes at append time is the CRC of what a fetch builds.
     */
    static void appendMessage(RecordAppender writer, Map<String, String> props, ByteBuffer body, long born) {
        byte[] key = MessageRecordMapping.key(props);
        List<RecordHeader> headers = props.isEmpty() ? List.of() : MessageRecordMapping.headers(props);
        ByteBuffer value = MessageRecordMapping.valueIsNull(props) ? null : body;
        writer.append(born, key, 0, key == null ? -1 : key.length, value, headers);
    }

    private static void appendMessage(RecordBatchWriter writer, Map<String, String> props, StoredMessageBytes m) {
        appendMessage(writer, props, m.slice(m.bodyStart(), m.bodyLength()), m.bornTimestamp());
    }

    /** The {@code view.count()} messages from {@code first} as one batch with the CRC from append time. */
    private static void writeWithKnownCrc(ByteBuf out, List<StoredMessageBytes> messages, int first,
                                          Map<String, String> firstProps, BatchView view) {
        RecordBatchWriter writer = new RecordBatchWriter(out, BatchSpec.of(messages.get(first).queueOffset(),
                CompressionType.NONE));
        try {
            for (int i = 0; i < view.count(); i++) {
                StoredMessageBytes m = messages.get(first + i);
                appendMessage(writer, i == 0 ? firstProps : m.propertiesLength() == 0 ? Map.of() : m.properties(), m);
            }
            writer.finishWithCrc(view.crc());
        } catch (RuntimeException e) {
            writer.abandon();
            throw e;
        }
    }

    /**
     * The open batch of a run of consecutive queue offsets: a gap, or {@link #finish}, closes it. Call {@link
     * #abandon} last in any case; it drops a batch left open by a failure.
     */
    private static final class OffsetRuns {
        private final ByteBuf out;
        private final CompressionType compression;
        private RecordBatchWriter writer;
        private long expected = -1;
        private int batches;

        OffsetRuns(ByteBuf out, CompressionType compression) {
            this.out = out;
            this.compression = compression;
        }

        /** The batch the message at {@code queueOffset} goes into: the open one, or a new one after a gap. */
        RecordBatchWriter writerFor(long queueOffset) {
            if (writer == null || queueOffset != expected) {
                finish();
                writer = new RecordBatchWriter(out, BatchSpec.of(queueOffset, compression));
                batches++;
            }
            expected = queueOffset + 1;
            return writer;
        }

        void finish() {
            if (writer != null) {
                writer.finish();
                writer = null;
            }
        }

        void abandon() {
            if (writer != null) {
                writer.abandon();
                writer = null;
            }
        }

        int batches() {
            return batches;
        }
    }
}
