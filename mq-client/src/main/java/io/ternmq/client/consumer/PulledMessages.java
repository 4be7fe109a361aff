package io.ternmq.client.consumer;

import io.ternmq.protocol.codec.MalformedFrameException;
import io.ternmq.protocol.codec.WireReader;
import io.ternmq.protocol.codec.WireWriter;
import io.ternmq.protocol.command.Body;
import io.ternmq.protocol.command.Command;
import io.ternmq.protocol.command.Commands;
import io.ternmq.protocol.command.Pull;
import io.ternmq.protocol.message.MessageView;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The client's reading of a PULL response: the same wire layout as {@link Pull.Response}, but the messages become
 * {@link MessageExt} views over one array of the response's bytes instead of being decoded field by field: the
 * frame's own body when the connection gathered it into an array ({@link WireReader#restShared()}, for large
 * responses), else a copy. Walking a
 * message reads its numbers and checks every length against the bytes left (so a malformed frame fails here, as
 * with the full decoder); strings, properties and bodies are decoded later, only when asked for.
 *
 * <p>Why: a 256-message pull decoded eagerly costs five strings, a map and a body copy per message on the
 * consumer's thread, most of which a consumer that hands bodies on or counts messages never looks at.
 *
 * @param raw      holds the encoded message list after its count, from {@code rawStart} to {@code rawEnd}, kept
 *                 so {@link #encode} writes the frame back; the messages' views index it absolutely
 */
record PulledMessages(Pull.Status status, long nextOffset, long minOffset, long maxOffset, List<MessageExt> messages,
                      int count, byte[] raw, int rawStart, int rawEnd) implements Body {
    /** PULL with this response reading; same code and request as {@link Commands#PULL}. */
    static final Command<Pull.Request, PulledMessages> PULL = new Command<>(Commands.PULL.code(),
            Commands.PULL.name(), false, Commands.PULL.purpose(), Commands.PULL.requestDecoder(),
            PulledMessages::decode);

    @Override
    public void encode(WireWriter out, int version) {
        out.int8(status.ordinal()).int64(nextOffset).int64(minOffset).int64(maxOffset).int32(count);
        out.buffer().writeBytes(raw, rawStart, rawEnd - rawStart);
    }

    // big-endian views of the array: one load per number instead of one per byte (callers check bounds first)
    private static final VarHandle SHORT = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

    static PulledMessages decode(WireReader in, int version) {
        Pull.Status status = in.enumValue(Pull.Status.values(), "status");
        long next = in.int64();
        long min = in.int64();
        long max = in.int64();
        int count = in.int32();
        if (count < 0 || (long) count * MessageView.MIN_SIZE > in.remaining()) {
            throw new MalformedFrameException("list of " + count + " messages does not fit " + in.remaining()
                    + " bytes");
        }
        ByteBuffer window = in.restShared();
        byte[] raw = window.array();
        int start = window.position();
        int end = window.limit();
        List<MessageExt> messages = count == 0 ? Collections.emptyList() : new ArrayList<>(count);
        int at = start;
        for (int i = 0; i < count; i++) {
            int topicAt = at;
            int topicLength = stringBytes(raw, at);
            if (topicLength < 0) {
                throw new MalformedFrameException("topic must not be null");
            }
            at = skipString(raw, at, end);
            need(at, 4 + 8 + 8, end);
            int queueId = int32(raw, at);
            long queueOffset = int64(raw, at + 4);
            long commitLogOffset = int64(raw, at + 12);
            at += 20;
            int messageIdAt = at;
            at = skipString(raw, at, end);
            need(at, 16, end);
            long storeTimestamp = int64(raw, at);
            long bornTimestamp = int64(raw, at + 8);
            at += 16;
            int bornHostAt = at;
            at = skipString(raw, at, end);
            at = skipString(raw, at, end); // storeHost: nothing on the client reads it
            need(at, 12, end);
            int reconsumeTimes = int32(raw, at + 8); // after flag and sysFlag
            at += 12;
            int propertiesAt = at;
            at = skipProperties(raw, at, end);
            need(at, 4, end);
            int bodyLength = int32(raw, at);
            at += 4;
            if (bodyLength < 0) {
                throw new MalformedFrameException("body length " + bodyLength);
            }
            need(at, bodyLength, end);
            messages.add(new MessageExt(raw, topicAt, queueId, queueOffset, commitLogOffset, messageIdAt,
                    storeTimestamp, bornTimestamp, bornHostAt, reconsumeTimes, propertiesAt, at, bodyLength));
            at += bodyLength;
        }
        if (at != end) {
            throw new MalformedFrameException((end - at) + " unexpected trailing bytes");
        }
        return new PulledMessages(status, next, min, max, messages, count, raw, start, end);
    }

    private static int skipProperties(byte[] raw, int at, int end) {
        need(at, 4, end);
        int count = int32(raw, at);
        at += 4;
        if (count < 0 || (long) count * 4 > end - at) {
            throw new MalformedFrameException("map of " + count);
        }
        for (int i = 0; i < count; i++) {
            need(at, 2, end);
            if (stringBytes(raw, at) < 0) {
                throw new MalformedFrameException("map key must not be null");
            }
            at = skipString(raw, at, end);
            at = skipString(raw, at, end);
        }
        return at;
    }

    private static int skipString(byte[] raw, int at, int end) {
        need(at, 2, end);
        int length = stringBytes(raw, at);
        if (length < -1) {
            throw new MalformedFrameException("string length " + length);
        }
        at += 2;
        if (length > 0) {
            need(at, length, end);
            at += length;
        }
        return at;
    }

    /** Fails unless {@code bytes} more bytes lie between {@code at} and {@code end}. */
    private static void need(int at, int bytes, int end) {
        if (bytes > end - at) {
            throw new MalformedFrameException("truncated message: needs " + bytes + " bytes, " + (end - at)
                    + " left");
        }
    }

    /** The int16 length prefix of the string at {@code at} (-1: null). */
    static int stringBytes(byte[] raw, int at) {
        return (short) SHORT.get(raw, at);
    }

    static int int32(byte[] raw, int at) {
        return (int) INT.get(raw, at);
    }

    static long int64(byte[] raw, int at) {
        return (long) LONG.get(raw, at);
    }
}
