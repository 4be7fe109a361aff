package io.ternmq.protocol.codec;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.ternmq.protocol.message.MessageModel;
import io.ternmq.protocol.message.OutgoingMessage;
import io.ternmq.protocol.testing.AllocationMeter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** Hostile and broken bodies: each must end in MalformedFrameException, never another exception or a big allocation. */
class WireReaderTest {

    /** Input bytes (built with a WireWriter or raw) and the read that must reject them. */
    static Stream<Arguments> malformedInputs() {
        return Stream.of(
                bad("int8 with no bytes", w -> { }, WireReader::int8),
                bad("bool with no bytes", w -> { }, WireReader::bool),
                bad("int16 with 1 byte", w -> w.int8(1), WireReader::int16),
                bad("int32 with 3 bytes", w -> w.int16(1).int8(1), WireReader::int32),
                bad("int64 with 7 bytes", w -> w.int32(1).int16(1).int8(1), WireReader::int64),
                bad("string length field truncated", w -> w.int8(0), WireReader::string),
                bad("string shorter than its length", w -> w.int16(10).int8('a').int8('b'), WireReader::string),
                bad("string length -2", w -> w.int16(-2).int32(0), WireReader::string),
                bad("string length -32768", w -> w.int16(Short.MIN_VALUE).int32(0), WireReader::string),
                bad("required string that is null", w -> w.string(null), r -> r.requiredString("topic")),
                bad("long string shorter than its length", w -> w.int32(100).int8('a'), WireReader::longString),
                bad("long string length -2", w -> w.int32(-2).int32(0), WireReader::longString),
                bad("long string length 2^31-1", w -> w.int32(Integer.MAX_VALUE).int16(0), WireReader::longString),
                bad("bytes shorter than their length", w -> w.int32(5).int32(0), WireReader::bytes),
                bad("bytes length -1 (bytes are never null)", w -> w.int32(-1).int32(0), WireReader::bytes),
                bad("bytes length 2^31-1", w -> w.int32(Integer.MAX_VALUE).int16(0), WireReader::bytes),
                bad("list count -1", w -> w.int32(-1).int32(0), r -> r.list(4, WireReader::int32)),
                bad("list count past what the bytes can hold", w -> w.int32(3).int64(0),
                        r -> r.list(4, WireReader::int32)),
                bad("list count 2^31-1 with 10 bytes left", w -> w.int32(Integer.MAX_VALUE).int64(0).int16(0),
                        r -> r.list(1, WireReader::int8)),
                bad("list whose count fits but elements are truncated", w -> w.int32(2).int16(3).int16(3),
                        WireReader::stringList),
                bad("string list count 2^31-1", w -> w.int32(Integer.MAX_VALUE).int64(0).int16(0),
                        WireReader::stringList),
                bad("list with minElementSize 0 and absurd count", w -> w.int32(Integer.MAX_VALUE).int16(0),
                        r -> r.list(0, WireReader::int8)),
                bad("map count -1", w -> w.int32(-1).int32(0), WireReader::map),
                bad("map count 2^31-1 with 10 bytes left", w -> w.int32(Integer.MAX_VALUE).int64(0).int16(0),
                        WireReader::map),
                bad("map count 2^30 (count * 4 overflows int)", w -> w.int32(1 << 30).int64(0), WireReader::map),
                bad("map with a null key", w -> w.int32(1).string(null).string("v"), WireReader::map),
                bad("map with its last value missing", w -> w.int32(2).string("a").string("b").string("c"),
                        WireReader::map),
                bad("enum ordinal past the last constant", w -> w.int8(MessageModel.values().length),
                        r -> r.enumValue(MessageModel.values(), "model")),
                bad("negative enum ordinal", w -> w.int8(-1), r -> r.enumValue(MessageModel.values(), "model")),
                bad("message whose body length runs past the frame",
                        w -> w.map(Map.of()).int32(1_000).int64(0).int64(0).int64(0), OutgoingMessage::decode));
    }

    private static Arguments bad(String name, Consumer<WireWriter> input, Function<WireReader, ?> read) {
        return arguments(name, input, read);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedInputs")
    void malformedInputIsRejectedWithoutABigAllocation(String name, Consumer<WireWriter> input,
                                                      Function<WireReader, ?> read) {
        ByteBuf buf = Unpooled.buffer();
        try {
            input.accept(new WireWriter(buf));
            WireReader reader = new WireReader(buf);
            long allocated = AllocationMeter.bytesAllocatedBy(
                    () -> assertThrows(MalformedFrameException.class, () -> read.apply(reader)));
            assertTrue(allocated < AllocationMeter.SMALL, "allocated " + allocated + " bytes");
        } finally {
            buf.release();
        }
    }

    @Test
    void listDoesNotPreallocateItsClaimedCountBeforeElementsDecode() {
        // 4 Mi strings claimed in a 8 MiB body whose first element is already broken
        int count = 4 << 20;
        ByteBuf buf = Unpooled.buffer(4 + 2 * count);
        try {
            buf.writeInt(count).writeShort(-2).writeZero(2 * count - 2);
            WireReader reader = new WireReader(buf);
            long allocated = AllocationMeter.bytesAllocatedBy(
                    () -> assertThrows(MalformedFrameException.class, reader::stringList));
            assertTrue(allocated < AllocationMeter.SMALL, "allocated " + allocated + " bytes");
        } finally {
            buf.release();
        }
    }

    @Test
    void trailingBytesAreMalformed() {
        WireReader reader = reader(w -> w.int32(7).int8(0));
        assertEquals(7, reader.int32());
        assertEquals(1, reader.remaining());
        assertThrows(MalformedFrameException.class, reader::end);
    }

    @Test
    void nullStringIsDistinctFromEmpty() {
        WireReader reader = reader(w -> w.string(null).string("").longString(null).longString(""));
        assertNull(reader.string());
        assertEquals("", reader.string());
        assertNull(reader.longString());
        assertEquals("", reader.longString());
        reader.end();
    }

    @Test
    void longestShortStringRoundTrips() {
        String longest = "é".repeat(Short.MAX_VALUE / 2) + "x";
        WireReader reader = reader(w -> w.string(longest));
        assertEquals(longest, reader.string());
        reader.end();
    }

    @Test
    void writerRefusesAStringLongerThanItsInt16Length() {
        String tooLong = "x".repeat(Short.MAX_VALUE + 1);
        ByteBuf buf = Unpooled.buffer();
        try {
            assertThrows(IllegalArgumentException.class, () -> new WireWriter(buf).string(tooLong));
        } finally {
            buf.release();
        }
    }

    @Test
    void mapKeepsOrderAndNullValues() {
        java.util.LinkedHashMap<String, String> map = new java.util.LinkedHashMap<>();
        map.put("z", "1");
        map.put("a", null);
        WireReader reader = reader(w -> w.map(map));
        Map<String, String> read = reader.map();
        assertEquals(List.of("z", "a"), List.copyOf(read.keySet()));
        assertNull(read.get("a"));
        reader.end();
    }

    @Test
    void invalidUtf8DecodesToReplacementCharactersRatherThanFailing() {
        // documents the choice: strings are not validated, so garbage text never kills a connection
        WireReader reader = reader(w -> w.int16(2).int8(0xC3).int8(0x28));
        assertEquals(2, reader.string().length());
        reader.end();
    }

    /** A reader over the written bytes; unpooled heap memory, so not releasing it leaks nothing. */
    private static WireReader reader(Consumer<WireWriter> input) {
        ByteBuf buf = Unpooled.buffer();
        input.accept(new WireWriter(buf));
        return new WireReader(buf);
    }
}
