package io.ternmq.broker.store.commitlog;

import io.ternmq.broker.store.AppendRequest;
import io.ternmq.broker.store.AttachedBatch;
import io.ternmq.broker.store.MessageDraft;
import io.ternmq.broker.store.MessageProperty;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The dispatcher's decoding ({@link RecordDecoder#decodeForDispatch}) accepts exactly the records the full decoder
 * accepts, with the same fields, including records damaged anywhere (checked here without the CRC, as for records
 * the running broker wrote itself).
 */
class DispatchParserTest {
    private static final byte[] STORE_HOST = "10.0.0.1:10911".getBytes(StandardCharsets.UTF_8);
    private static final long OFFSET = 4096;

    @Test
    void intactRecordsGiveTheFieldsTheFullDecoderGives() throws Exception {
        for (ByteBuffer record : records()) {
            DecodedRecord full = new RecordDecoder().decode(record.duplicate(), OFFSET, true, false);
            DispatchFields fields = new DispatchFields();
            new RecordDecoder().decodeForDispatch(record.duplicate(), OFFSET, true, fields);
            assertSame(full, fields);
        }
    }

    @Test
    void damageAnywhereIsRefusedOrAcceptedAlikeByBothDecoders() {
        Random random = new Random(42);
        int refused = 0;
        for (ByteBuffer intact : records()) {
            int size = intact.remaining();
            for (int trial = 0; trial < 3000; trial++) {
                ByteBuffer damaged = ByteBuffer.allocate(size).put(intact.duplicate()).flip();
                int at = random.nextInt(size);
                damaged.put(at, (byte) (damaged.get(at) ^ (1 << random.nextInt(8))));
                String full = outcome(() -> new RecordDecoder().decode(damaged.duplicate(), OFFSET, false, false));
                DispatchFields fields = new DispatchFields();
                String dispatch = outcome(() -> {
                    new RecordDecoder().decodeForDispatch(damaged.duplicate(), OFFSET, false, fields);
                    return null;
                });
                assertEquals(full == null, dispatch == null, "byte " + at + ": full " + full + ", dispatch " + dispatch);
                if (full == null) {
                    assertSame(decodeOrFail(damaged), fields);
                } else {
                    refused++;
                }
            }
        }
        // most single-bit flips land in bodies and are only caught by the CRC; enough must hit the structure
        assertTrue(refused > 500, "only " + refused + " damaged records refused");
    }

    private static DecodedRecord decodeOrFail(ByteBuffer record) {
        try {
            return new RecordDecoder().decode(record.duplicate(), OFFSET, false, false);
        } catch (CorruptRecordException e) {
            throw new AssertionError(e);
        }
    }

    /** The failure message, or null when the decoding succeeded. */
    private static String outcome(Decoding decoding) {
        try {
            decoding.run();
            return null;
        } catch (CorruptRecordException e) {
            return e.getMessage();
        }
    }

    @FunctionalInterface
    private interface Decoding {
        Object run() throws CorruptRecordException;
    }

    private static void assertSame(DecodedRecord full, DispatchFields fields) {
        assertEquals(full.commitLogOffset(), fields.commitLogOffset());
        assertEquals(full.totalSize(), fields.totalSize());
        assertEquals(full.baseQueueOffset(), fields.baseQueueOffset());
        assertEquals(full.storeTimestamp(), fields.storeTimestamp());
        assertEquals(full.topic(), fields.topic());
        assertEquals(full.queueId(), fields.queueId());
        assertEquals(full.multiTags(), fields.multiTags());
        assertEquals(full.messages().size(), fields.messageCount());
        for (int i = 0; i < fields.messageCount(); i++) {
            Map<String, String> props = full.messages().get(i).properties();
            assertEquals(props.get(MessageProperty.TAGS), fields.tags(i));
            assertEquals(props.get(MessageProperty.KEYS), fields.keys(i));
            assertEquals(props.get(MessageProperty.UNIQ_KEY), fields.uniqKey(i));
        }
    }

    /** A plain single message, a batch with mixed tags, and an entry with an attached batch. */
    private static List<ByteBuffer> records() {
        List<ByteBuffer> out = new ArrayList<>();
        out.add(encode(new AppendRequest("orders", 3, List.of(draft("one", "TagA", "k1 k2", "U1")), "10.0.0.2:5555")));
        out.add(encode(new AppendRequest("orders", 0, List.of(draft("a", "TagA", null, "U2"),
                draft("b", "TagB", "kb", null), draft("c", null, null, "U3")), "10.0.0.2:5555")));
        byte[] framed = "OFFSET..|alpha|gamma|".getBytes(StandardCharsets.US_ASCII);
        AttachedBatch attached = new AttachedBatch(ByteBuffer.wrap(framed), new int[] {9, 15}, new int[] {5, 5}, 0);
        out.add(encode(new AppendRequest("kafka-topic", 1, List.of(draft("", "TagK", "kk", null),
                draft("", "TagK", null, null)), "", attached)));
        return out;
    }

    private static MessageDraft draft(String body, String tag, String keys, String uniq) {
        Map<String, String> props = new HashMap<>();
        if (tag != null) {
            props.put(MessageProperty.TAGS, tag);
        }
        if (keys != null) {
            props.put(MessageProperty.KEYS, keys);
        }
        if (uniq != null) {
            props.put(MessageProperty.UNIQ_KEY, uniq);
        }
        props.put("user", "value");
        return MessageDraft.of(body.getBytes(StandardCharsets.UTF_8), props, 1_700_000_000_000L);
    }

    private static ByteBuffer encode(AppendRequest request) {
        ByteBuffer encoded = new RecordEncoder(STORE_HOST).encode(PreparedEntry.of(request, STORE_HOST), OFFSET, 7,
                1_700_000_000_123L);
        return ByteBuffer.allocate(encoded.remaining()).put(encoded).flip();
    }
}
