package io.ternmq.broker.handler.pull;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.CompositeByteBuf;
import io.ternmq.broker.store.read.StoredMessageBytes;
import io.ternmq.protocol.codec.WireWriter;
import io.ternmq.protocol.command.Body;
import io.ternmq.protocol.command.Pull;
import io.ternmq.protocol.message.MessageView;

import java.nio.ByteBuffer;
import java.util.List;

/**
 * A PULL response written straight from the stored records' bytes: the same wire format as {@link Pull.Response}
 * with {@link MessageView}s (see there), but each field is copied from the record instead of being decoded into
 * strings, a property map and a body array first and encoded again. That is one copy of each body (record to
 * response buffer) instead of three. The store's and the wire's encodings of strings (u16 length + UTF-8) and of
 * property pairs coincide; only the map's pair count has to be computed. The stored property pairs are followed
 * by the body (i32 length + bytes) exactly as on the wire, so pairs and body go out as one copy.
 *
 * <p>Per message the encoder allocates nothing and makes two writes into the response: the fields before the
 * pairs, assembled in a heap scratch buffer (the message id written as bytes, never as a {@code String}), then the
 * pairs and body, copied through one reusable cursor per record (a duplicate of its read-only view, whose position
 * and limit are this encoder's own). On the consume path per-field slices, id strings and bounds-checked writes
 * cost more than the bytes they moved.
 *
 * <p>Immutable; encodes on the thread that writes the response.
 */
final class StoredPullResponse implements Body {
    /** Fixed bytes of a message's fields before its pairs: ids, offsets, timestamps, flags and the pair count. */
    private static final int HEAD_FIXED = 4 + 8 + 8 + MessageIdBytes.WIRE_SIZE + 8 + 8 + 4 + 4 + 4 + 4;
    /** Status, next/min/max offsets and the message count. */
    private static final int HEAD_SIZE = 1 + 8 + 8 + 8 + 4;
    /** Largest piece of a response built in pieces (see {@link #encodeToBuffer}). */
    static final int PIECE_SIZE = 256 * 1024;
    private final Pull.Status status;
    private final long nextOffset;
    private final long minOffset;
    private final long maxOffset;
    private final List<StoredMessageBytes> messages;

    StoredPullResponse(Pull.Status status, long nextOffset, long minOffset, long maxOffset,
                       List<StoredMessageBytes> messages) {
        this.status = status;
        this.nextOffset = nextOffset;
        this.minOffset = minOffset;
        this.maxOffset = maxOffset;
        this.messages = messages;
    }

    @Override
    public void encode(WireWriter out, int version) {
        ByteBuf buf = out.buffer();
        buf.ensureWritable(encodedSize()); // one allocation instead of doubling through the whole response
        writeHead(buf);
        MessageWriter writer = new MessageWriter();
        for (int i = 0, n = messages.size(); i < n; i++) {
            writer.write(buf, messages.get(i));
        }
    }

    /**
     * Pooled pieces of at most {@link #PIECE_SIZE} bytes, each holding whole messages: a response that fits one piece
     * is that buffer, a larger one (a 1,024-message pull of 1 KiB messages is over 1 MiB) a composite of pieces,
     * which the socket write gathers. A message larger than a piece gets a piece of its own size.
     */
    @Override
    public ByteBuf encodeToBuffer(ByteBufAllocator alloc, int version) {
        int total = encodedSize();
        CompositeByteBuf out = null; // only once a second piece is needed
        ByteBuf piece = null; // owned here until handed to the composite
        try {
            piece = alloc.buffer(Math.min(total, PIECE_SIZE));
            writeHead(piece);
            int left = total - HEAD_SIZE;
            MessageWriter writer = new MessageWriter();
            for (int i = 0, n = messages.size(); i < n; i++) {
                StoredMessageBytes m = messages.get(i);
                int size = messageSize(m);
                if (piece.writableBytes() < size) {
                    if (out == null) {
                        out = alloc.compositeBuffer(total / PIECE_SIZE + 2);
                    }
                    ByteBuf full = piece;
                    piece = null;
                    out.addComponent(true, full);
                    piece = alloc.buffer(Math.max(size, Math.min(PIECE_SIZE, left)));
                }
                writer.write(piece, m);
                left -= size;
            }
            if (out == null) {
                return piece;
            }
            ByteBuf last = piece;
            piece = null;
            out.addComponent(true, last);
            return out;
        } catch (RuntimeException e) {
            if (piece != null) {
                piece.release();
            }
            if (out != null) {
                out.release();
            }
            throw e;
        }
    }

    private void writeHead(ByteBuf buf) {
        buf.writeByte(status.ordinal()).writeLong(nextOffset).writeLong(minOffset).writeLong(maxOffset)
                .writeInt(messages.size());
    }

    int encodedSize() {
        int size = HEAD_SIZE;
        for (int i = 0, n = messages.size(); i < n; i++) {
            size += messageSize(messages.get(i));
        }
        return size;
    }

    private static int messageSize(StoredMessageBytes m) {
        ByteBuffer r = m.record();
        return HEAD_FIXED + 6 + shortAt(r, m.topicPos()) + shortAt(r, m.bornHostPos()) + shortAt(r, m.storeHostPos())
                + m.propertiesLength() + 4 + m.bodyLength();
    }

    /**
     * Writes one message at a time; keeps the scratch buffer for the fields before the pairs and the cursor of the
     * record being read, so a batch record's messages share one. Not thread-safe.
     */
    private static final class MessageWriter {
        private ByteBuffer head = ByteBuffer.allocate(HEAD_FIXED + 3 * 256);
        private ByteBuffer record;
        private ByteBuffer cursor;

        void write(ByteBuf buf, StoredMessageBytes m) {
            ByteBuffer r = m.record();
            if (r != record) { // the messages of one batch record share its view, and so one cursor
                record = r;
                cursor = r.duplicate();
            }
            int topicPos = m.topicPos();
            int bornHostPos = m.bornHostPos();
            int storeHostPos = m.storeHostPos();
            int topicSize = 2 + shortAt(r, topicPos);
            int bornHostSize = 2 + shortAt(r, bornHostPos);
            int storeHostSize = 2 + shortAt(r, storeHostPos);
            int headSize = HEAD_FIXED + topicSize + bornHostSize + storeHostSize;
            if (head.capacity() < headSize) {
                head = ByteBuffer.allocate(headSize);
            }
            head.clear();
            put(head, r, topicPos, topicSize);
            head.putInt(m.queueId()).putLong(m.queueOffset()).putLong(m.commitLogOffset());
            MessageIdBytes.put(head, m.commitLogOffset(), m.index());
            head.putLong(m.storeTimestamp()).putLong(m.bornTimestamp());
            put(head, r, bornHostPos, bornHostSize);
            put(head, r, storeHostPos, storeHostSize);
            int pairsPos = m.propertiesPos() + 2;
            head.putInt(m.flag()).putInt(m.sysFlag()).putInt(m.reconsumeTimes())
                    .putInt(pairCount(r, pairsPos, m.propertiesLength()));
            buf.writeBytes(head.array(), 0, head.position());
            // the pairs, then the body's i32 length and bytes: contiguous in the record and on the wire, unless the
            // body is a range of the record's attached batch
            if (m.bodyInline()) {
                copy(buf, cursor, pairsPos, m.bodyPos() + 4 + m.bodyLength() - pairsPos);
            } else {
                copy(buf, cursor, pairsPos, m.bodyPos() + 4 - pairsPos);
                copy(buf, cursor, m.bodyStart(), m.bodyLength());
            }
        }
    }

    private static void copy(ByteBuf buf, ByteBuffer cursor, int pos, int length) {
        cursor.limit(cursor.capacity()).position(pos).limit(pos + length);
        buf.writeBytes(cursor);
    }

    /** Appends {@code length} bytes of the record at {@code pos} (absolute bulk get: no slice). */
    private static void put(ByteBuffer head, ByteBuffer r, int pos, int length) {
        head.put(head.position(), r, pos, length);
        head.position(head.position() + length);
    }

    private static int shortAt(ByteBuffer r, int pos) {
        return Short.toUnsignedInt(r.getShort(pos));
    }

    /** Pairs in the stored property block: [u16 keyLen][key][u16 valueLen][value] repeated. */
    private static int pairCount(ByteBuffer r, int pos, int length) {
        int end = pos + length;
        int pairs = 0;
        while (pos < end) {
            pos += 2 + shortAt(r, pos);
            pos += 2 + shortAt(r, pos);
            pairs++;
        }
        return pairs;
    }
}
