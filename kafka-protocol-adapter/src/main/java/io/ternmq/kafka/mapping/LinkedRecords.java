package io.ternmq.kafka.mapping;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.CompositeByteBuf;
import io.netty.buffer.Unpooled;

import java.nio.ByteBuffer;

/**
 * The RECORDS of one fetched partition: stored batches are linked as views of the CommitLog mapping (no copy; the
 * socket write reads them from the page cache, as Kafka's sendfile does), batches built at fetch time are written to
 * one pooled buffer between them. Each stored batch is a whole produced batch (typically 16 KiB), so a response has a
 * few dozen pieces, not one per record. A view keeps its segment's mapping reachable, and the store never unmaps a
 * segment explicitly, so a view stays valid until it is written. Not thread-safe.
 */
public final class LinkedRecords {
    private final ByteBuf written;
    private final CompositeByteBuf out;
    private int cut;

    /** @param writtenEstimate room to start with for batches built at fetch time */
    public LinkedRecords(ByteBufAllocator alloc, int writtenEstimate) {
        written = alloc.ioBuffer(writtenEstimate);
        out = alloc.compositeDirectBuffer(Integer.MAX_VALUE);
    }

    /** Where batches built at fetch time are written, in order with the links. */
    public ByteBuf written() {
        return written;
    }

    /** Appends a stored batch after everything written or linked so far. */
    public void link(ByteBuffer storedBatch) {
        takeWritten();
        out.addComponent(true, Unpooled.wrappedBuffer(storedBatch));
    }

    /** The RECORDS bytes; this object must not be used after. */
    public ByteBuf finish() {
        takeWritten();
        written.release();
        return out;
    }

    /** Drops everything (a failed read). */
    public void release() {
        written.release();
        out.release();
    }

    private void takeWritten() {
        int end = written.writerIndex();
        if (end > cut) {
            out.addComponent(true, written.retainedSlice(cut, end - cut));
            cut = end;
        }
    }
}
