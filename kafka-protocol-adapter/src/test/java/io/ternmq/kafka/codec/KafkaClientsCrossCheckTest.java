package io.ternmq.kafka.codec;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.buffer.UnpooledByteBufAllocator;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.message.ApiMessageType;
import org.apache.kafka.common.protocol.ApiMessage;
import org.apache.kafka.common.protocol.ByteBufferAccessor;
import org.apache.kafka.common.protocol.ObjectSerializationCache;
import org.apache.kafka.common.protocol.Readable;
import org.apache.kafka.common.record.internal.BaseRecords;
import org.apache.kafka.common.record.internal.MemoryRecords;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * For every API in the {@link ApiKey} table, every version we serve, request and response: kafka-clients writes a
 * randomly filled message, we read it, compare every field by name with kafka-clients' getters, write it back and
 * must produce the same bytes, and kafka-clients reads our bytes back to an equal message. Any wrong field type,
 * order, version range, nullability, default or tag fails here.
 */
class KafkaClientsCrossCheckTest {
    private static final int MESSAGES_PER_CASE = 8;

    @TestFactory
    List<DynamicTest> everyApiEveryServedVersionBothDirections() {
        List<DynamicTest> tests = new ArrayList<>();
        for (ApiKey api : ApiKey.values()) {
            for (short v = api.advertisedMin(); v <= api.advertisedMax(); v++) {
                if (!api.isSupported(v)) {
                    continue;
                }
                short version = v;
                tests.add(DynamicTest.dynamicTest(api.apiName() + " request v" + v, () -> crossCheck(api, version, true)));
                tests.add(DynamicTest.dynamicTest(api.apiName() + " response v" + v, () -> crossCheck(api, version, false)));
            }
        }
        return tests;
    }

    private static void crossCheck(ApiKey api, short version, boolean request) throws Exception {
        ApiMessageType type = ApiMessageType.fromApiKey(api.id());
        for (int i = 0; i < MESSAGES_PER_CASE; i++) {
            long seed = api.id() * 1_000_003L + version * 1009L + (request ? 0 : 17) + i * 31L;
            ApiMessage theirs = request ? type.newRequest() : type.newResponse();
            new RandomKafkaMessages(seed).fill(theirs,
                    (request ? type.requestSchemas() : type.responseSchemas())[version]);
            byte[] theirBytes = serialize(theirs, version);

            Schema schema = request ? api.spec().request() : api.spec().response();
            String what = api.apiName() + (request ? " request" : " response") + " v" + version + " seed " + seed;
            MessageReader reader = new MessageReader(Unpooled.wrappedBuffer(theirBytes), what, version,
                    api.isFlexible(version));
            Struct ours = reader.readStruct(schema);
            reader.expectEnd();
            assertSameFields(theirs, ours, version, what);

            ByteBuf written = ResponseEncoder.encodeBody(schema, api.spec(), version, ours,
                    UnpooledByteBufAllocator.DEFAULT);
            byte[] ourBytes = ByteBufUtil.getBytes(written);
            written.release();
            assertArrayEquals(theirBytes, ourBytes, what + ": our bytes differ from kafka-clients'");

            ApiMessage reread = theirs.getClass().getConstructor(Readable.class, short.class)
                    .newInstance(new ByteBufferAccessor(ByteBuffer.wrap(ourBytes)), version);
            assertEquals(theirs, reread, what);
        }
    }

    static byte[] serialize(ApiMessage message, short version) {
        ObjectSerializationCache cache = new ObjectSerializationCache();
        ByteBuffer buffer = ByteBuffer.allocate(message.size(cache, version));
        message.write(new ByteBufferAccessor(buffer), cache, version);
        return buffer.array();
    }

    /** Every field we read at this version has the value kafka-clients' getter of the same name returns. */
    private static void assertSameFields(Object theirs, Struct ours, short version, String what) throws Exception {
        for (Field<?> field : ours.schema().fields()) {
            if (!field.versions().contains(version)) {
                continue;
            }
            String getter = Character.toLowerCase(field.name().charAt(0)) + field.name().substring(1);
            Object expected = theirs.getClass().getMethod(getter).invoke(theirs);
            assertSameValue(expected, ours.get(field), version, what + " field " + field.name());
        }
    }

    private static void assertSameValue(Object expected, Object actual, short version, String what)
            throws Exception {
        if (expected == null || actual == null) {
            assertEquals(expected, actual, what);
        } else if (expected instanceof Uuid u) {
            assertEquals(new UUID(u.getMostSignificantBits(), u.getLeastSignificantBits()), actual, what);
        } else if (expected instanceof byte[] b) {
            assertArrayEquals(b, (byte[]) actual, what);
        } else if (expected instanceof BaseRecords records) {
            ByteBuffer buffer = ((MemoryRecords) records).buffer().duplicate();
            byte[] bytes = new byte[buffer.remaining()];
            buffer.get(bytes);
            assertArrayEquals(bytes, ByteBufUtil.getBytes((ByteBuf) actual), what);
        } else if (expected instanceof Iterable<?> list) {
            List<?> ourList = (List<?>) actual;
            Iterator<?> it = list.iterator();
            for (int i = 0; i < ourList.size(); i++) {
                assertTrue(it.hasNext(), what + ": we read more elements");
                Object theirElement = it.next();
                Object ourElement = ourList.get(i);
                if (ourElement instanceof Struct s) {
                    assertSameFields(theirElement, s, version, what + "[" + i + "]");
                } else {
                    assertSameValue(theirElement, ourElement, version, what + "[" + i + "]");
                }
            }
            assertTrue(!it.hasNext(), what + ": we read fewer elements");
        } else if (actual instanceof Struct s) {
            assertSameFields(expected, s, version, what);
        } else {
            assertEquals(expected, actual, what);
        }
    }

}
