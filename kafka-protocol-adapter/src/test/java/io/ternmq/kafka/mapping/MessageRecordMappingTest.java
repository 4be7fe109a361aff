package io.ternmq.kafka.mapping;

import io.ternmq.broker.store.MessageDraft;
import io.ternmq.kafka.record.KafkaRecord;
import io.ternmq.kafka.record.RecordHeader;
import io.ternmq.protocol.message.MessageProperties;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MessageRecordMappingTest {
    private static final long TS = 1_700_000_000_123L;

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** Records that need every lossless trick, plus plain ones. */
    static List<KafkaRecord> awkwardRecords() {
        byte[] binary = {(byte) 0xFF, 0, (byte) 0xC3, 0x28};
        return List.of(
                KafkaRecord.of(TS, null, utf8("no key")),
                KafkaRecord.of(TS, new byte[0], new byte[0]),
                KafkaRecord.of(TS, binary, null),
                KafkaRecord.of(TS, utf8("ключ key"), utf8("v"), new RecordHeader("a", utf8("1")),
                        new RecordHeader("b", utf8("2"))),
                KafkaRecord.of(TS, utf8("k"), utf8("v"), new RecordHeader("z", utf8("1")),
                        new RecordHeader("a", utf8("2"))),
                KafkaRecord.of(TS, utf8("k"), utf8("v"), new RecordHeader("dup", utf8("1")),
                        new RecordHeader("dup", utf8("2"))),
                KafkaRecord.of(TS, utf8("k"), utf8("v"), new RecordHeader("n", null),
                        new RecordHeader("bin", binary), new RecordHeader("ok", utf8("fine"))),
                KafkaRecord.of(TS, utf8("k"), utf8("v"), new RecordHeader("TAGS", utf8("not a tag")),
                        new RecordHeader("__KAFKA_KEY", utf8("x")), new RecordHeader("a\u0001b", utf8("y"))),
                KafkaRecord.of(TS, null, utf8("v"), new RecordHeader(TernmqHeaders.KEYS, utf8("idx1 idx2")),
                        new RecordHeader(TernmqHeaders.TAGS, utf8("TagA"))),
                KafkaRecord.of(-1L, utf8("k"), utf8("v"), new RecordHeader("", utf8(""))));
    }

    @Test
    void kafkaRecordsSurviveTheTripThroughPropertiesExactly() {
        for (KafkaRecord r : awkwardRecords()) {
            Map<String, String> props = MessageRecordMapping.properties(r);
            byte[] body = r.value() == null ? new byte[0] : r.value();
            assertEquals(r, MessageRecordMapping.toRecord(props, body, r.timestamp()), "via " + props);
        }
    }

    @Test
    void plainHeadersBecomeUserPropertiesAndAUtf8KeyBecomesKeys() {
        Map<String, String> props = MessageRecordMapping.properties(KafkaRecord.of(TS, utf8("order-42"), utf8("v"),
                new RecordHeader("color", utf8("red")), new RecordHeader("size", utf8("L"))));
        assertEquals(Map.of("KEYS", "order-42", "color", "red", "size", "L"), props);
    }

    @Test
    void headersOutOfOrderRecordTheirOrder() {
        Map<String, String> props = MessageRecordMapping.properties(KafkaRecord.of(TS, null, utf8("v"),
                new RecordHeader("z", utf8("1")), new RecordHeader("a", utf8("2"))));
        assertEquals("z\u0001a", props.get(KafkaPropertyNames.HEADER_ORDER));
        assertEquals("1", props.get("z"));
    }

    @Test
    void aBinaryKeyIsKeptExactlyAndNotIndexed() {
        Map<String, String> props = MessageRecordMapping.properties(
                KafkaRecord.of(TS, new byte[]{(byte) 0xFE}, utf8("v")));
        assertFalse(props.containsKey(MessageProperties.KEYS));
        assertArrayEquals(new byte[]{(byte) 0xFE}, MessageRecordMapping.key(props));
    }

    @Test
    void lossyHeadersAreEncodedWholeWithNativeCopiesOfTheReadableOnes() {
        Map<String, String> props = MessageRecordMapping.properties(KafkaRecord.of(TS, null, utf8("v"),
                new RecordHeader("dup", utf8("1")), new RecordHeader("dup", utf8("2")),
                new RecordHeader("n", null), new RecordHeader("TAGS", utf8("x"))));
        assertTrue(props.containsKey(KafkaPropertyNames.HEADERS));
        assertEquals("1", props.get("dup"), "first occurrence copied for native consumers");
        assertFalse(props.containsKey("n"));
        assertFalse(props.containsKey("TAGS"), "a header never overrides a broker property");
    }

    @Test
    void ternmqHeadersReachBrokerFeaturesAndStayHeaders() {
        KafkaRecord r = KafkaRecord.of(TS, utf8("k1"), utf8("v"), new RecordHeader(TernmqHeaders.TAGS, utf8("TagA")),
                new RecordHeader(TernmqHeaders.KEYS, utf8("a b")),
                new RecordHeader(TernmqHeaders.DELAY_LEVEL, utf8("3")),
                new RecordHeader(TernmqHeaders.DELIVER_AT_MS, utf8("1700000060000")));
        Map<String, String> props = MessageRecordMapping.properties(r);
        assertEquals("TagA", props.get(MessageProperties.TAGS));
        assertEquals("a b", props.get(MessageProperties.KEYS));
        assertEquals("3", props.get(MessageProperties.DELAY));
        assertEquals("1700000060000", props.get(MessageProperties.TIMER_DELIVER_MS));
        assertEquals(r, MessageRecordMapping.toRecord(props, r.value(), TS));
    }

    @Test
    void aNativeMessageMapsKeysTagsAndUserPropertiesButNotBrokerProperties() {
        MessageDraft nativeDraft = MessageDraft.of(utf8("body"), Map.of(MessageProperties.KEYS, "id-1 id-2",
                MessageProperties.TAGS, "TagB", MessageProperties.UNIQ_KEY, "AC1100", "zeta", "1", "alpha", "2"), TS);
        KafkaRecord r = MessageRecordMapping.toRecord(nativeDraft.properties(), nativeDraft.body(), TS);
        assertArrayEquals(utf8("id-1 id-2"), r.key());
        assertArrayEquals(utf8("body"), r.value());
        assertEquals(TS, r.timestamp());
        assertEquals(List.of(new RecordHeader("alpha", utf8("2")), new RecordHeader(TernmqHeaders.TAGS, utf8("TagB")),
                new RecordHeader("zeta", utf8("1"))), r.headers());
    }

    @Test
    void aNativeMessageWithoutKeysHasANullKeyAndItsEmptyBodyIsAnEmptyValue() {
        KafkaRecord r = MessageRecordMapping.toRecord(Map.of(), new byte[0], TS);
        assertNull(r.key());
        assertArrayEquals(new byte[0], r.value());
        assertEquals(List.of(), r.headers());
    }

    @Test
    void reservedPropertiesANativeProducerGarbledFallBackInsteadOfFailing() {
        KafkaRecord r = MessageRecordMapping.toRecord(Map.of(KafkaPropertyNames.KEY, "**not base64**",
                MessageProperties.KEYS, "k", KafkaPropertyNames.HEADERS, "AAAA", "p", "q"), utf8("v"), TS);
        assertArrayEquals(utf8("k"), r.key());
        assertEquals(List.of(new RecordHeader("p", utf8("q"))), r.headers());
    }

    @Test
    void oneDraftPerRecordInOrderAndTooLargeHeadersAreRefusedWithTheirIndex() {
        List<KafkaRecord> records = awkwardRecords();
        DraftMapping ok = RecordsToDrafts.toAppendRequest("t", 2, records, "1.2.3.4:5");
        assertEquals(MappingStatus.MAPPED, ok.status());
        assertEquals(records.size(), ok.request().messages().size());
        assertEquals(2, ok.request().queueId());
        for (int i = 0; i < records.size(); i++) {
            MessageDraft d = ok.request().messages().get(i);
            assertEquals(records.get(i).timestamp(), d.bornTimestamp());
            assertEquals(records.get(i), MessageRecordMapping.toRecord(d.properties(), d.body(), d.bornTimestamp()));
        }

        byte[] big = new byte[20_000];
        Arrays.fill(big, (byte) 'x');
        KafkaRecord tooBig = KafkaRecord.of(TS, null, null, new RecordHeader("a", big), new RecordHeader("b", big));
        DraftMapping refused = RecordsToDrafts.toAppendRequest("t", 0, List.of(records.get(0), tooBig), "");
        assertEquals(MappingStatus.PROPERTIES_TOO_LARGE, refused.status());
        assertEquals(1, refused.failedRecord());
    }
}
