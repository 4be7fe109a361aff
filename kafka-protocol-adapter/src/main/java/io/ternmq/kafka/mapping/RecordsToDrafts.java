package io.ternmq.kafka.mapping;

import io.ternmq.broker.store.AppendRequest;
import io.ternmq.broker.store.MessageDraft;
import io.ternmq.broker.store.commitlog.RecordEncoder;
import io.ternmq.kafka.record.KafkaRecord;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Produce side: the records of one Kafka batch become one {@link AppendRequest} with one {@link MessageDraft} per
 * record, in order, so the store writes one batch entry and the records get queue offsets base .. base+n-1, which
 * are their Kafka offsets. Mapping rules in {@link MessageRecordMapping}. Stateless and thread-safe.
 */
public final class RecordsToDrafts {
    private static final byte[] EMPTY = new byte[0];

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
        String producerBatch = producerId < 0 ? null
                : new StoredBatchHeader(producerId, producerEpoch, firstSeq, lastSeq, records.size()).toProperty();
        List<Map<String, String>> properties = new ArrayList<>(records.size());
        List<byte[]> bodies = new ArrayList<>(records.size());
        List<Long> born = new ArrayList<>(records.size());
        for (int i = 0; i < records.size(); i++) {
            KafkaRecord record = records.get(i);
            Map<String, String> props = withProducerBatch(MessageRecordMapping.properties(record, true),
                    i == 0 ? producerBatch : null);
            if (encodedSize(props) > RecordEncoder.MAX_PROPERTIES_BYTES) {
                props = withProducerBatch(MessageRecordMapping.properties(record, false),
                        i == 0 ? producerBatch : null);
                int size = encodedSize(props);
                if (size > RecordEncoder.MAX_PROPERTIES_BYTES) {
                    return DraftMapping.failed(MappingStatus.PROPERTIES_TOO_LARGE, i, "key and headers of record " + i
                            + " need " + size + " property bytes, at most " + RecordEncoder.MAX_PROPERTIES_BYTES
                            + " fit");
                }
            }
            properties.add(props);
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
