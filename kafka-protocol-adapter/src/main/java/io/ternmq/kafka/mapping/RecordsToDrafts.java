package io.ternmq.kafka.mapping;

import io.ternmq.broker.store.AppendRequest;
import io.ternmq.broker.store.AttachedBatch;
import io.ternmq.broker.store.MessageDraft;
import io.ternmq.broker.store.commitlog.RecordEncoder;
import io.ternmq.kafka.record.KafkaRecord;
import io.ternmq.kafka.record.LocatedRecord;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Produce side: the records of one Kafka batch become one {@link AppendRequest} with one {@link MessageDraft} per
 * record, in order, so the store writes one batch entry and the records get queue offsets base .. base+n-1, which
 * are their Kafka offsets. An uncompressed batch is stored with the entry as it came ({@link #toAttachedRequest});
 * a compressed one is decoded ({@link #toAppendRequest}). Mapping rules in {@link MessageRecordMapping}. Stateless
 * and thread-safe.
 */
public final class RecordsToDrafts {
    private static final byte[] EMPTY = new byte[0];
    /** Where a record batch keeps its base offset (its first field). */
    private static final int BASE_OFFSET_FIELD = 0;

    private RecordsToDrafts() {
    }

    /**
     * @param records  the decoded records of one batch, at least one
     * @param bornHost the producer's {@code host:port}, or empty
     */
    public static DraftMapping toAppendRequest(String topic, int queueId, List<KafkaRecord> records,
                                               String bornHost) {
        return toAppendRequest(topic, queueId, records, bornHost, -1, (short) -1, -1, -1);
    }

    /**
     * As {@link #toAppendRequest(String, int, List, String)}, for an idempotent batch ({@code producerId >= 0}): the
     * first message also carries {@link KafkaPropertyNames#PRODUCER_BATCH}.
     */
    public static DraftMapping toAppendRequest(String topic, int queueId, List<KafkaRecord> records,
                                               String bornHost, long producerId, short producerEpoch,
                                               int firstSeq, int lastSeq) {
        String producerBatch = producerBatch(records.size(), producerId, producerEpoch, firstSeq, lastSeq);
        List<Map<String, String>> properties = new ArrayList<>(records.size());
        List<byte[]> bodies = new ArrayList<>(records.size());
        List<Long> born = new ArrayList<>(records.size());
        for (int i = 0; i < records.size(); i++) {
            KafkaRecord record = records.get(i);
            DraftMapping failed = addProperties(properties, i,
                    nativeCopies -> MessageRecordMapping.properties(record, nativeCopies), producerBatch);
            if (failed != null) {
                return failed;
            }
            bodies.add(record.value() == null ? EMPTY : record.value());
            born.add(record.timestamp());
        }
        withBatchView(properties, bodies, born);
        List<MessageDraft> drafts = new ArrayList<>(records.size());
        for (int i = 0; i < records.size(); i++) {
            drafts.add(MessageDraft.of(bodies.get(i), properties.get(i), born.get(i)));
        }
        return DraftMapping.mapped(new AppendRequest(topic, queueId, drafts, bornHost));
    }

    /**
     * As {@link #toAppendRequest(String, int, List, String, long, short, int, int)} for an uncompressed batch whose
     * records were located, not copied: the batch is stored with the entry as it came ({@link AttachedBatch}, its
     * base offset field set to the queue offset the store assigns), each message's body is its record's value in
     * it, and a fetch sends the batch as it is.
     *
     * @param batch   the whole batch, from its position to its limit
     * @param records its records, value indexes counting from the batch's first byte
     */
    public static DraftMapping toAttachedRequest(String topic, int queueId, ByteBuffer batch,
                                                 List<LocatedRecord> records, String bornHost, long producerId,
                                                 short producerEpoch, int firstSeq, int lastSeq) {
        String producerBatch = producerBatch(records.size(), producerId, producerEpoch, firstSeq, lastSeq);
        List<Map<String, String>> properties = new ArrayList<>(records.size());
        List<MessageDraft> drafts = new ArrayList<>(records.size());
        int[] starts = new int[records.size()];
        int[] lengths = new int[records.size()];
        for (int i = 0; i < records.size(); i++) {
            LocatedRecord record = records.get(i);
            DraftMapping failed = addProperties(properties, i,
                    nativeCopies -> MessageRecordMapping.properties(record, nativeCopies), producerBatch);
            if (failed != null) {
                return failed;
            }
            drafts.add(MessageDraft.of(EMPTY, properties.get(i), record.timestamp()));
            starts[i] = record.valueIndex();
            lengths[i] = Math.max(0, record.valueLength()); // a null value is an empty body + VALUE_NULL
        }
        AttachedBatch attached = new AttachedBatch(batch, starts, lengths, BASE_OFFSET_FIELD);
        return DraftMapping.mapped(new AppendRequest(topic, queueId, drafts, bornHost, attached));
    }

    /** The {@link KafkaPropertyNames#PRODUCER_BATCH} value of an idempotent batch, else null. */
    private static String producerBatch(int count, long producerId, short producerEpoch, int firstSeq, int lastSeq) {
        return producerId < 0 ? null
                : new StoredBatchHeader(producerId, producerEpoch, firstSeq, lastSeq, count).toProperty();
    }

    /**
     * Adds record {@code i}'s properties (the first also gets {@code producerBatch}); when they do not fit, without
     * the copies made for native readers.
     *
     * @return null, or the failed mapping when even those do not fit
     */
    private static DraftMapping addProperties(List<Map<String, String>> properties, int i,
                                              Function<Boolean, Map<String, String>> mapping, String producerBatch) {
        String extra = i == 0 ? producerBatch : null;
        Map<String, String> props = withProducerBatch(mapping.apply(true), extra);
        if (encodedSize(props) > RecordEncoder.MAX_PROPERTIES_BYTES) {
            props = withProducerBatch(mapping.apply(false), extra);
            int size = encodedSize(props);
            if (size > RecordEncoder.MAX_PROPERTIES_BYTES) {
                return DraftMapping.failed(MappingStatus.PROPERTIES_TOO_LARGE, i, "key and headers of record " + i
                        + " need " + size + " property bytes, at most " + RecordEncoder.MAX_PROPERTIES_BYTES
                        + " fit");
            }
        }
        properties.add(props);
        return null;
    }

    /** Adds {@link KafkaPropertyNames#BATCH_VIEW} to the first message when its properties have room for it. */
    private static void withBatchView(List<Map<String, String>> properties, List<byte[]> bodies, List<Long> born) {
        Map<String, String> first = properties.get(0);
        if (encodedSize(first) + (long) BatchView.ENTRY_BYTES <= RecordEncoder.MAX_PROPERTIES_BYTES) {
            first.put(KafkaPropertyNames.BATCH_VIEW, BatchView.of(properties, bodies, born).toProperty());
        }
    }

    private static Map<String, String> withProducerBatch(Map<String, String> props, String producerBatch) {
        if (producerBatch != null) {
            props.put(KafkaPropertyNames.PRODUCER_BATCH, producerBatch);
        }
        return props;
    }

    /** Size of the properties as the store encodes them: per pair u16 + key + u16 + value, UTF-8. */
    static int encodedSize(Map<String, String> props) {
        long size = 0;
        for (Map.Entry<String, String> e : props.entrySet()) {
            int key = utf8Length(e.getKey());
            int value = utf8Length(e.getValue());
            if (key > 0xFFFF || value > 0xFFFF) {
                return Integer.MAX_VALUE;
            }
            size += 4L + key + value;
        }
        return (int) Math.min(size, Integer.MAX_VALUE);
    }

    private static int utf8Length(String s) {
        // most property text is ASCII; only measure exactly when it is not
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) {
                return s.getBytes(StandardCharsets.UTF_8).length;
            }
        }
        return s.length();
    }
}
