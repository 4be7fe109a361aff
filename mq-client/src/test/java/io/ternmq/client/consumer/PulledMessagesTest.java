package io.ternmq.client.consumer;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.ternmq.protocol.Frame;
import io.ternmq.protocol.codec.FrameDecoder;
import io.ternmq.protocol.codec.FrameEncoder;
import io.ternmq.protocol.codec.MalformedFrameException;
import io.ternmq.protocol.codec.WireReader;
import io.ternmq.protocol.codec.WireWriter;
import io.ternmq.protocol.command.Commands;
import io.ternmq.protocol.command.Pull;
import io.ternmq.protocol.message.MessageProperties;
import io.ternmq.protocol.message.MessageView;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PulledMessagesTest {
    private static MessageView view(String topic, long offset, Map<String, String> props, String body, String host) {
        return new MessageView(topic, 2, offset, 1000 + offset, "brokerId" + offset, 50 + offset, 40 + offset, host,
                "store:1", 0, 0, 3, props, body.getBytes(StandardCharsets.UTF_8));
    }

    private static ByteBuf encode(Pull.Response r) {
        ByteBuf buf = Unpooled.buffer();
        r.encode(new WireWriter(buf), 1);
        return buf;
    }

    private static Pull.Response twoMessages() {
        Map<String, String> props = new LinkedHashMap<>();
        props.put(MessageProperties.TAGS, "tagA");
        props.put(MessageProperties.KEYS, "k1  k2");
        props.put(MessageProperties.UNIQ_KEY, "uniq-1");
        MessageView plain = view("T", 7, props, "hello", "born:1");
        MessageView noProps = view("T", 8, Map.of(), "", null);
        return new Pull.Response(Pull.Status.FOUND, 9, 0, 9, List.of(plain, noProps));
    }

    @Test
    void viewsReadTheSameFieldsAsTheFullDecoder() {
        Pull.Response response = twoMessages();

        PulledMessages pulled = PulledMessages.decode(new WireReader(encode(response)), 1);

        assertSameAsFullDecoder(response, pulled);
    }

    @Test
    void viewsOverAGatheredFrameBodyReadTheSameFieldsAfterTheFrameIsReleased() {
        Pull.Response response = twoMessages();
        ByteBuf body = encode(response);
        ByteBuf wire = Unpooled.buffer();
        FrameEncoder.writeHeader(wire, new Frame(Commands.PULL.code(), Frame.FLAG_RESPONSE, 2, 1, 0, body));
        wire.writeBytes(body);
        body.release();
        EmbeddedChannel connection = new EmbeddedChannel(new FrameDecoder(1 << 20, 1)); // gathers every body
        connection.writeInbound(wire);
        Frame frame = connection.readInbound();
        byte[] frameArray = frame.body().array();

        PulledMessages pulled = PulledMessages.decode(new WireReader(frame.body().duplicate()), 2);
        frame.release();

        assertSame(frameArray, pulled.raw(), "no copy of the gathered body");
        assertEquals(1 + 8 + 8 + 8 + 4, pulled.rawStart(), "the views index the frame's own array after its header");
        assertSameAsFullDecoder(response, pulled);
        assertFalse(connection.finishAndReleaseAll());
    }

    private static void assertSameAsFullDecoder(Pull.Response response, PulledMessages pulled) {
        assertEquals(9, pulled.nextOffset());
        for (int i = 0; i < 2; i++) {
            MessageExt lazy = pulled.messages().get(i);
            MessageExt eager = MessageExt.of(response.messages().get(i));
            assertEquals(eager.topic(), lazy.topic());
            assertEquals(eager.queueId(), lazy.queueId());
            assertEquals(eager.queueOffset(), lazy.queueOffset());
            assertEquals(eager.commitLogOffset(), lazy.commitLogOffset());
            assertEquals(eager.msgId(), lazy.msgId());
            assertEquals(eager.offsetMsgId(), lazy.offsetMsgId());
            assertEquals(eager.tags(), lazy.tags());
            assertEquals(eager.keys(), lazy.keys());
            assertEquals(eager.properties(), lazy.properties());
            assertArrayEquals(eager.body(), lazy.body());
            assertEquals(eager.bodyLength(), lazy.bodyLength());
            assertEquals(eager.bornTimestamp(), lazy.bornTimestamp());
            assertEquals(eager.storeTimestamp(), lazy.storeTimestamp());
            assertEquals(eager.reconsumeTimes(), lazy.reconsumeTimes());
            assertEquals(eager.bornHost(), lazy.bornHost());
        }
        assertEquals(List.of("k1", "k2"), pulled.messages().get(0).keys());
        assertNull(pulled.messages().get(1).bornHost());
    }

    @Test
    void aRetryMessageReportsItsOriginalTopic() {
        MessageView retry = view("%RETRY%g", 0, Map.of(MessageProperties.RETRY_TOPIC, "Orders"), "x", "h");
        PulledMessages pulled = PulledMessages.decode(new WireReader(encode(
                new Pull.Response(Pull.Status.FOUND, 1, 0, 1, List.of(retry)))), 1);
        assertEquals("Orders", pulled.messages().get(0).topic());
        assertEquals("%RETRY%g", pulled.messages().get(0).storedTopic());
    }

    @Test
    void reEncodingGivesTheSameBytes() {
        ByteBuf original = encode(new Pull.Response(Pull.Status.FOUND, 1, 0, 1,
                List.of(view("T", 0, Map.of("a", "b"), "body", "h"))));
        byte[] expected = new byte[original.readableBytes()];
        original.getBytes(0, expected);
        ByteBuf again = Unpooled.buffer();
        PulledMessages.decode(new WireReader(original), 1).encode(new WireWriter(again), 1);
        byte[] actual = new byte[again.readableBytes()];
        again.getBytes(0, actual);
        assertArrayEquals(expected, actual);
    }

    @Test
    void aTruncatedMessageFailsAsMalformed() {
        ByteBuf full = encode(new Pull.Response(Pull.Status.FOUND, 1, 0, 1,
                List.of(view("T", 0, Map.of("a", "b"), "a body of some length", "h"))));
        for (int cut = 1; cut < 40; cut++) {
            ByteBuf truncated = full.slice(0, full.readableBytes() - cut);
            assertThrows(MalformedFrameException.class, () -> PulledMessages.decode(new WireReader(truncated), 1),
                    "cut " + cut);
        }
    }
}
