package io.ternmq.kafka.codec;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.apache.kafka.common.message.ApiMessageType;
import org.apache.kafka.common.protocol.ApiMessage;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Hostile and broken frames end in a {@link MalformedKafkaMessageException} that says where, never in another
 * exception, a large allocation, or a leaked slice of the frame.
 */
class MalformedRequestTest {

    @Test
    void everyTruncationOfEveryServedRequestIsMalformed() {
        for (byte[] frame : validFrames(1)) {
            for (int length = 8; length < frame.length; length++) {
                ByteBuf truncated = Unpooled.wrappedBuffer(frame, 0, length);
                assertThrows(MalformedKafkaMessageException.class, () -> RequestParser.parse(truncated),
                        "prefix of " + length + "/" + frame.length);
                assertEquals(1, truncated.refCnt(), "no records slice leaked");
            }
        }
    }

    @Test
    void trailingBytesAreMalformed() {
        for (byte[] frame : validFrames(2)) {
            ByteBuf longer = Unpooled.buffer().writeBytes(frame).writeByte(0);
            MalformedKafkaMessageException e = assertThrows(MalformedKafkaMessageException.class,
                    () -> RequestParser.parse(longer));
            assertTrue(e.getMessage().contains("unexpected bytes"), e.getMessage());
            assertEquals(1, longer.refCnt());
        }
    }

    @Test
    void hugeCountIsRefusedBeforeAllocatingAndNamesTheField() {
        ByteBuf frame = Unpooled.buffer();
        new RequestHeader(ApiKey.PRODUCE.id(), (short) 7, 1, "c").write(frame, 1);
        frame.writeShort(-1).writeShort(-1).writeInt(1000).writeInt(Integer.MAX_VALUE);
        MalformedKafkaMessageException e = assertThrows(MalformedKafkaMessageException.class,
                () -> RequestParser.parse(frame));
        assertEquals("Produce request v7 field TopicData: array of 2147483647 elements but only 0 bytes left",
                e.getMessage());
    }

    @Test
    void negativeLengthsAreMalformed() {
        ByteBuf frame = Unpooled.buffer();
        new RequestHeader(ApiKey.SASL_HANDSHAKE.id(), (short) 1, 1, "c").write(frame, 1);
        frame.writeShort(-7);
        MalformedKafkaMessageException e = assertThrows(MalformedKafkaMessageException.class,
                () -> RequestParser.parse(frame));
        assertTrue(e.getMessage().startsWith("SaslHandshake request v1 field Mechanism: negative string length"),
                e.getMessage());
    }

    @Test
    void nullWhereNotNullableIsMalformed() {
        ByteBuf frame = Unpooled.buffer();
        new RequestHeader(ApiKey.SASL_HANDSHAKE.id(), (short) 1, 1, "c").write(frame, 1);
        frame.writeShort(-1);
        assertThrows(MalformedKafkaMessageException.class, () -> RequestParser.parse(frame));
    }

    @Test
    void runawayVarintIsMalformed() {
        ByteBuf frame = Unpooled.buffer();
        new RequestHeader(ApiKey.API_VERSIONS.id(), (short) 3, 1, "c").write(frame, 2);
        frame.writerIndex(frame.writerIndex() - 1); // replace the empty header tag section
        frame.writeBytes(new byte[] {(byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, 1});
        assertThrows(MalformedKafkaMessageException.class, () -> RequestParser.parse(frame));
    }

    /** A fixed-seed fuzz loop: mutated valid frames and random bytes either parse or are malformed. */
    @Test
    void mutatedAndRandomFramesParseOrAreMalformedNothingElse() {
        Random random = new Random(20261101);
        List<byte[]> frames = validFrames(3);
        int malformed = 0;
        for (int round = 0; round < 20_000; round++) {
            byte[] bytes;
            if (round % 4 == 0) {
                bytes = new byte[8 + random.nextInt(64)];
                random.nextBytes(bytes);
                bytes[0] = 0;
                bytes[1] = (byte) random.nextInt(64); // mostly known api keys
                bytes[2] = 0;
                bytes[3] = (byte) random.nextInt(12);
            } else {
                bytes = frames.get(random.nextInt(frames.size())).clone();
                int flips = 1 + random.nextInt(4);
                for (int i = 0; i < flips; i++) {
                    int at = 4 + random.nextInt(bytes.length - 4); // keep api key and version
                    bytes[at] = random.nextInt(3) == 0 ? (byte) 0xff : (byte) random.nextInt();
                }
            }
            ByteBuf frame = Unpooled.wrappedBuffer(bytes);
            try {
                ParsedRequest parsed = RequestParser.parse(frame);
                if (parsed instanceof ParsedRequest.Decoded decoded) {
                    decoded.release();
                }
            } catch (MalformedKafkaMessageException expected) {
                malformed++;
            } catch (RuntimeException | Error e) {
                fail("round " + round + " threw " + e, e);
            }
            assertEquals(1, frame.refCnt(), "round " + round + " leaked a slice");
        }
        assertTrue(malformed > 1000, "the fuzz loop should mostly hit malformed frames, got " + malformed);
    }

    /** One random valid request frame per served (api, version), filled by kafka-clients. */
    static List<byte[]> validFrames(long seed) {
        List<byte[]> frames = new ArrayList<>();
        for (ApiKey api : ApiKey.values()) {
            ApiMessageType type = ApiMessageType.fromApiKey(api.id());
            for (short v = api.advertisedMin(); v <= api.advertisedMax(); v++) {
                if (!api.isSupported(v)) {
                    continue;
                }
                ApiMessage message = type.newRequest();
                new RandomKafkaMessages(seed * 7919 + api.id() * 31 + v).fill(message, type.requestSchemas()[v]);
                ByteBuf frame = Unpooled.buffer();
                new RequestHeader(api.id(), v, 1, "fuzz").write(frame, api.requestHeaderVersion(v));
                frame.writeBytes(KafkaClientsCrossCheckTest.serialize(message, v));
                byte[] bytes = new byte[frame.readableBytes()];
                frame.readBytes(bytes);
                frames.add(bytes);
            }
        }
        return frames;
    }
}
