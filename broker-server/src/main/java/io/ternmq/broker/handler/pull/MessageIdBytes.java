package io.ternmq.broker.handler.pull;

import io.ternmq.broker.store.read.MessageIds;

import java.nio.ByteBuffer;

/**
 * Writes a broker message id ({@link MessageIds}: 16 upper-case hex digits of the CommitLog offset, then 8 of the
 * message's index in its record) as the wire's string, i16 length + ASCII, straight into a buffer: the pull path
 * writes one per message, and building the {@code String} first cost more than encoding the rest of the message.
 */
final class MessageIdBytes {
    /** Bytes one id takes on the wire, length prefix included. */
    static final int WIRE_SIZE = 2 + MessageIds.LENGTH;
    private static final byte[] HEX = {'0', '1', '2', '3', '4', '5', '6', '7', '8', '9', 'A', 'B', 'C', 'D', 'E', 'F'};

    private MessageIdBytes() {
    }

    /** Puts the id at the buffer's position and advances it by {@link #WIRE_SIZE}. */
    static void put(ByteBuffer out, long commitLogOffset, int indexInEntry) {
        int at = out.position();
        out.putShort(at, (short) MessageIds.LENGTH);
        for (int i = 15; i >= 0; i--) {
            out.put(at + 2 + i, HEX[(int) (commitLogOffset & 0xF)]);
            commitLogOffset >>>= 4;
        }
        for (int i = 23; i >= 16; i--) {
            out.put(at + 2 + i, HEX[indexInEntry & 0xF]);
            indexInEntry >>>= 4;
        }
        out.position(at + WIRE_SIZE);
    }
}
