package io.ternmq.broker.handler.pull;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.CompositeByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.buffer.Unpooled;
import io.ternmq.broker.handler.query.MessageViews;
import io.ternmq.broker.store.AppendRequest;
import io.ternmq.broker.store.MessageDraft;
import io.ternmq.broker.store.MessageFilter;
import io.ternmq.broker.store.MessageStore;
import io.ternmq.broker.store.MessageStores;
import io.ternmq.broker.store.ReadBytesResult;
import io.ternmq.broker.store.ReadResult;
import io.ternmq.broker.store.StoreConfig;
import io.ternmq.protocol.codec.WireReader;
import io.ternmq.protocol.codec.WireWriter;
import io.ternmq.protocol.command.Pull;
import io.ternmq.protocol.message.MessageView;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The pull response written from record bytes decodes to exactly what the decoded-message path would send. */
class StoredPullResponseTest {
    @TempDir
    Path dir;

    @Test
    void encodesTheSameMessagesAsPullResponseOfMessageViews() throws Exception {
        try (MessageStore store = MessageStores.open(StoreConfig.defaults(dir).withSegmentSize(1 << 20))) {
            appendSoloAndBatch(store);

            Compared both = expectedAndActual(store, 1);

            assertEquals(3, both.actual().size(), "reading from offset 1 starts inside the batch entry");
            assertSameMessages(both.expected(), both.actual());
        }
    }

    @Test
    void encodesEachRecordsOwnFieldsWhenOneResponseSpansSeveralRecords() throws Exception {
        try (MessageStore store = MessageStores.open(StoreConfig.defaults(dir).withSegmentSize(1 << 20))) {
            appendSoloAndBatch(store);
            store.append(AppendRequest.single("T", 1, MessageDraft.of("last".getBytes(StandardCharsets.UTF_8),
                    Map.of("TAGS", "z"), 15))).join();
            awaitReadable(store, 5);

            Compared both = expectedAndActual(store, 0);

            assertEquals(5, both.actual().size(), "a solo record, a batch record of three, a solo record");
            assertSameMessages(both.expected(), both.actual());
            assertEquals(List.of("solo", "", "second", "last"), List.of(
                    new String(both.actual().get(0).body(), StandardCharsets.UTF_8),
                    new String(both.actual().get(1).body(), StandardCharsets.UTF_8),
                    new String(both.actual().get(2).body(), StandardCharsets.UTF_8),
                    new String(both.actual().get(4).body(), StandardCharsets.UTF_8)));
        }
    }

    @Test
    void aResponseOverOnePieceIsPooledPiecesOfWholeMessagesWithTheSameBytes() throws Exception {
        try (MessageStore store = MessageStores.open(StoreConfig.defaults(dir).withSegmentSize(8 << 20))) {
            store.append(new AppendRequest("T", 1, drafts(0, 300), "10.1.2.3:4567")).join();
            byte[] large = new byte[StoredPullResponse.PIECE_SIZE + 10]; // a message of its own piece
            Arrays.fill(large, (byte) 7);
            store.append(AppendRequest.single("T", 1, MessageDraft.of(large, Map.of(), 1))).join();
            store.append(new AppendRequest("T", 1, drafts(300, 600), "10.1.2.3:4567")).join();
            awaitReadable(store, 601);
            ReadBytesResult raw = store.readBytes("T", 1, 0, 1000, 64 << 20, MessageFilter.ACCEPT_ALL);
            assertEquals(601, raw.messages().size());
            StoredPullResponse body = new StoredPullResponse(Pull.Status.FOUND, raw.nextOffset(), raw.minOffset(),
                    raw.maxOffset(), raw.messages());
            ByteBuf whole = Unpooled.buffer();
            ByteBuf pieces = body.encodeToBuffer(PooledByteBufAllocator.DEFAULT, 1);
            try {
                body.encode(new WireWriter(whole), 1);

                assertTrue(ByteBufUtil.equals(whole, pieces), "the pieces hold the single buffer's bytes");
                assertEquals(body.encodedSize(), pieces.readableBytes());
                CompositeByteBuf composite = assertInstanceOf(CompositeByteBuf.class, pieces);
                long overPiece = IntStream.range(0, composite.numComponents())
                        .filter(i -> composite.internalComponent(i).readableBytes() > StoredPullResponse.PIECE_SIZE)
                        .count();
                assertEquals(1, overPiece, "only the large message's piece is over the piece size");
                assertTrue(composite.numComponents() >= 4, "at least two pieces each side of the large message");
                Pull.Response decoded = Pull.Response.decode(new WireReader(pieces.duplicate()), 1);
                assertArrayEquals(large, decoded.messages().get(300).body());
                assertEquals("t599", decoded.messages().get(600).properties().get("TAGS"));
            } finally {
                whole.release();
                pieces.release();
            }
            assertEquals(0, pieces.refCnt());
        }
    }

    private static List<MessageDraft> drafts(int from, int to) {
        List<MessageDraft> drafts = new ArrayList<>();
        for (int i = from; i < to; i++) {
            byte[] body = new byte[1000 + i];
            Arrays.fill(body, (byte) i);
            drafts.add(MessageDraft.of(body, Map.of("TAGS", "t" + i), i));
        }
        return drafts;
    }

    private void appendSoloAndBatch(MessageStore store) throws InterruptedException {
        store.append(AppendRequest.single("T", 1, MessageDraft.of("solo".getBytes(StandardCharsets.UTF_8),
                Map.of("TAGS", "a", "KEYS", "k1 k2", "ü", "värde"), 11))).join();
        store.append(new AppendRequest("T", 1, List.of(
                MessageDraft.of(new byte[0], Map.of(), 12),
                MessageDraft.of("second".getBytes(StandardCharsets.UTF_8), Map.of("TAGS", "b"), 13),
                MessageDraft.of(new byte[3000], Map.of("UNIQ_KEY", "U3"), 14)), "10.1.2.3:4567")).join();
        awaitReadable(store, 4);
    }

    /** What the decoded-message path sends and what the record-bytes path sends, read from one offset. */
    private record Compared(List<MessageView> expected, List<MessageView> actual) {
    }

    private static Compared expectedAndActual(MessageStore store, long offset) {
        ReadResult decoded = store.read("T", 1, offset, 10, 1 << 20, MessageFilter.ACCEPT_ALL);
        ReadBytesResult raw = store.readBytes("T", 1, offset, 10, 1 << 20, MessageFilter.ACCEPT_ALL);
        assertEquals(decoded.nextOffset(), raw.nextOffset());
        Pull.Response actual = roundTrip(new StoredPullResponse(Pull.Status.FOUND, raw.nextOffset(),
                raw.minOffset(), raw.maxOffset(), raw.messages()));
        assertEquals(decoded.nextOffset(), actual.nextOffset());
        assertEquals(decoded.minOffset(), actual.minOffset());
        assertEquals(decoded.maxOffset(), actual.maxOffset());
        return new Compared(MessageViews.of(decoded.messages()), actual.messages());
    }

    private static void assertSameMessages(List<MessageView> expected, List<MessageView> actual) {
        assertEquals(expected.size(), actual.size());
        for (int i = 0; i < expected.size(); i++) {
            assertSameMessage(expected.get(i), actual.get(i));
        }
    }

    private static Pull.Response roundTrip(StoredPullResponse body) {
        ByteBuf buf = Unpooled.buffer();
        try {
            body.encode(new WireWriter(buf), 1);
            return Pull.Response.decode(new WireReader(buf), 1);
        } finally {
            buf.release();
        }
    }

    private static void assertSameMessage(MessageView e, MessageView a) {
        assertEquals(e.topic(), a.topic());
        assertEquals(e.queueId(), a.queueId());
        assertEquals(e.queueOffset(), a.queueOffset());
        assertEquals(e.commitLogOffset(), a.commitLogOffset());
        assertEquals(e.messageId(), a.messageId());
        assertEquals(e.storeTimestamp(), a.storeTimestamp());
        assertEquals(e.bornTimestamp(), a.bornTimestamp());
        assertEquals(e.bornHost(), a.bornHost());
        assertEquals(e.storeHost(), a.storeHost());
        assertEquals(e.flag(), a.flag());
        assertEquals(e.sysFlag(), a.sysFlag());
        assertEquals(e.reconsumeTimes(), a.reconsumeTimes());
        assertEquals(e.properties(), a.properties());
        assertArrayEquals(e.body(), a.body());
    }

    private static void awaitReadable(MessageStore store, long count) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (store.maxOffset("T", 1) < count && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
    }
}
