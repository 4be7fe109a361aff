package io.ternmq.kafka.record;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.CompositeByteBuf;
import io.netty.buffer.Unpooled;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * Record values that a {@link RecordBatchWriter} leaves out of the buffer it writes, so they are sent from where
 * they already are (a view of the mapped CommitLog) instead of copied: each value is kept with the position in the
 * written buffer where it belongs, and {@link #assemble} returns the written bytes and the values interleaved as one
 * composite buffer, which the socket write gathers. The values must stay valid (and unchanged) until that buffer is
 * released; read-only views of the CommitLog do. Not thread-safe; one per buffer being written.
 */
public final class LinkedValues {
    private final List<ByteBuffer> values = new ArrayList<>();
    private int[] positions = new int[64];

    /** Remembers {@code value}'s remaining bytes as belonging at {@code position} of the written buffer. */
    void add(int position, ByteBuffer value) {
        int n = values.size();
        if (n > 0 && position < positions[n - 1]) {
            throw new IllegalArgumentException("values must be linked in buffer order");
        }
        if (n == positions.length) {
            positions = Arrays.copyOf(positions, n * 2);
        }
        positions[n] = position;
        values.add(value.slice());
    }

    /** Forgets the values linked at or after {@code position} (a batch that was abandoned). */
    void truncate(int position) {
        int n = values.size();
        while (n > 0 && positions[n - 1] >= position) {
            values.remove(--n);
        }
    }

    public boolean isEmpty() {
        return values.isEmpty();
    }

    /** CRC-32C of {@code written}'s bytes {@code [from, to)} with the values linked in that range inserted. */
    int crc(ByteBuf written, int from, int to) {
        CRC32C crc = new CRC32C();
        int pos = from;
        for (int i = 0; i < values.size(); i++) {
            int at = positions[i];
            if (at < from || at > to) {
                continue;
            }
            crc.update(written.nioBuffer(pos, at - pos));
            crc.update(values.get(i).duplicate());
            pos = at;
        }
        crc.update(written.nioBuffer(pos, to - pos));
        return (int) crc.getValue();
    }

    /**
     * The readable bytes of {@code written} with the values inserted where they belong. Takes over the caller's
     * reference to {@code written}: the result holds what it needs of it, and releasing the result frees it.
     */
    public ByteBuf assemble(ByteBuf written, ByteBufAllocator alloc) {
        if (values.isEmpty()) {
            return written;
        }
        CompositeByteBuf out = alloc.compositeBuffer(values.size() * 2 + 1);
        try {
            int pos = written.readerIndex();
            for (int i = 0; i < values.size(); i++) {
                if (positions[i] > pos) {
                    out.addComponent(true, written.retainedSlice(pos, positions[i] - pos));
                    pos = positions[i];
                }
                out.addComponent(true, Unpooled.wrappedBuffer(values.get(i)));
            }
            if (written.writerIndex() > pos) {
                out.addComponent(true, written.retainedSlice(pos, written.writerIndex() - pos));
            }
            return out;
        } catch (RuntimeException e) {
            out.release();
            throw e;
        } finally {
            written.release();
            values.clear();
        }
    }
}
