package io.ternmq.broker.handler.pull;

import io.netty.buffer.ByteBuf;
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
 * response buffer) instead of three, and no per-message objects. The store's and the wire's encodings of strings
 * (u16 length + UTF-8) and of property pairs coincide; only the map's pair count has to be computed.
 *
 * <p>Immutable; encodes on the thread that writes the response.
 */
final class StoredPullResponse implements Body {
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
        out.int8(status.ordinal()).int64(nextOffset).int64(minOffset).int64(maxOffset).int32(messages.size());
        for (StoredMessageBytes m : messages) {
            ByteBuffer r = m.record();
            copyShortPrefixed(buf, r, m.topicPos());
            buf.writeInt(m.queueId()).writeLong(m.queueOffset()).writeLong(m.commitLogOffset());
            out.string(m.messageId());
            buf.writeLong(m.storeTimestamp()).writeLong(m.bornTimestamp());
            copyShortPrefixed(buf, r, m.bornHostPos());
            copyShortPrefixed(buf, r, m.storeHostPos());
            buf.writeInt(m.flag()).writeInt(m.sysFlag()).writeInt(m.reconsumeTimes());
            int propsLength = m.propertiesLength();
            buf.writeInt(pairCount(r, m.propertiesPos() + 2, propsLength));
            buf.writeBytes(m.slice(m.propertiesPos() + 2, propsLength));
            buf.writeBytes(m.slice(m.bodyPos(), 4 + m.bodyLength())); // i32 length + bytes, as the wire's bytes field
        }
    }

    private int encodedSize() {
        int size = 1 + 8 + 8 + 8 + 4;
        for (StoredMessageBytes m : messages) {
            size += MessageView.MIN_SIZE + 24 + shortAt(m.record(), m.topicPos()) + shortAt(m.record(), m.bornHostPos())
                    + shortAt(m.record(), m.storeHostPos()) + m.propertiesLength() + m.bodyLength();
        }
        return size;
    }

    private static void copyShortPrefixed(ByteBuf buf, ByteBuffer r, int pos) {
        buf.writeBytes(r.slice(pos, 2 + shortAt(r, pos)));
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
