package io.ternmq.broker.store.commitlog;

import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * Walks the CommitLog record by record, reading through a reusable window so sequential scans cost one read per
 * window, not per record. Used by the dispatcher (up to the write position) and recovery (up to the segment end).
 * Not thread-safe: one per thread.
 *
 * <p>The window only ever holds bytes below the limit given when it was filled; bytes below the write position
 * never change while the store runs, and recovery calls {@link #invalidate()} after truncating.
 */
public final class RecordScanner {
    private static final int WINDOW = 1 << 20;

    /** What lies at a position. */
    public enum Kind {
        /** A valid record; {@link Step#record()} is set, except by {@link #nextForDispatch}. */
        RECORD,
        /** A blank end-of-segment marker; continue at {@link Step#nextOffset()}, the next segment. */
        BLANK,
        /** Nothing (zeros, or not yet written below the limit). */
        END,
        /** Damaged bytes; {@link Step#problem()} says why. */
        CORRUPT
    }

    public record Step(Kind kind, DecodedRecord record, long nextOffset, String problem) {
    }

    private final CommitLog log;
    private final RecordDecoder decoder = new RecordDecoder();
    /** The record {@link #frame} found last. */
    private ByteBuffer framed;
    /** The bytes from {@code windowStart} on: a slice of the segment's mapping, or {@link #readBuffer}. */
    private ByteBuffer window;
    /** Where bytes are read when a segment cannot be mapped (over 2 GiB); allocated on first use. */
    private ByteBuffer readBuffer;
    private long windowStart = -1;
    private int windowLength;

    public RecordScanner(CommitLog log) {
        this.log = log;
    }

    /**
     * @param verifyCrc false only for records this process wrote itself or has verified already (see
     *                  {@link RecordDecoder#decode})
     */
    public Step next(long offset, long limit, boolean verifyCrc, boolean withBodies) throws IOException {
        Step step = frame(offset, limit);
        if (step.kind() != Kind.RECORD) {
            return step;
        }
        try {
            return new Step(Kind.RECORD, decoder.decode(framed, offset, verifyCrc, withBodies), step.nextOffset(),
                    null);
        } catch (CorruptRecordException e) {
            return corrupt(offset, e.getMessage());
        }
    }

    /**
     * As {@link #next} without bodies, filling {@code out} ({@link RecordDecoder#decodeForDispatch}) instead of
     * returning a decoded record: a RECORD step's {@link Step#record()} is null.
     */
    public Step nextForDispatch(long offset, long limit, boolean verifyCrc, DispatchFields out) throws IOException {
        Step step = frame(offset, limit);
        if (step.kind() != Kind.RECORD) {
            return step;
        }
        try {
            decoder.decodeForDispatch(framed, offset, verifyCrc, out);
            return step;
        } catch (CorruptRecordException e) {
            return corrupt(offset, e.getMessage());
        }
    }

    /** What lies at {@code offset}; for a RECORD (not yet decoded, record null) its bytes are left in {@link #framed}. */
    private Step frame(long offset, long limit) throws IOException {
        long segmentEnd = log.segmentEndOf(offset);
        ByteBuffer head = bytesAt(offset, RecordEncoder.BLANK_SIZE, limit);
        if (head == null) {
            return new Step(Kind.END, null, offset, null);
        }
        int size = head.getInt(head.position());
        int magic = head.getInt(head.position() + 4);
        if (size == 0 && magic == 0) {
            return new Step(Kind.END, null, offset, null);
        }
        if (magic == RecordEncoder.BLANK_MAGIC) {
            return offset + size == segmentEnd
                    ? new Step(Kind.BLANK, null, segmentEnd, null)
                    : corrupt(offset, "blank marker does not reach the segment end");
        }
        if (magic != RecordEncoder.RECORD_MAGIC) {
            return corrupt(offset, "bad magic " + Integer.toHexString(magic));
        }
        if (size < RecordEncoder.HEADER_FIXED || offset + size + RecordEncoder.BLANK_SIZE > segmentEnd) {
            return corrupt(offset, "size " + size + " out of bounds");
        }
        ByteBuffer record = bytesAt(offset, size, limit);
        if (record == null) {
            return offset + size > limit && limit < segmentEnd
                    ? new Step(Kind.END, null, offset, null)
                    : corrupt(offset, "record runs past the readable data");
        }
        framed = record;
        return new Step(Kind.RECORD, null, offset + size, null);
    }

    public void invalidate() {
        windowStart = -1;
        windowLength = 0;
    }

    private static Step corrupt(long offset, String problem) {
        return new Step(Kind.CORRUPT, null, offset, problem);
    }

    /** A view positioned at {@code offset} with at least {@code length} bytes, or null if fewer are readable. */
    private ByteBuffer bytesAt(long offset, int length, long limit) throws IOException {
        long end = Math.min(limit, log.segmentEndOf(offset));
        if (offset + length > end) {
            return null;
        }
        if (windowStart < 0 || offset < windowStart || offset + length > windowStart + windowLength) {
            int span = (int) Math.min(Math.max(WINDOW, length), end - offset);
            // the mapping is the page cache itself: reading it saves copying every record the dispatcher scans
            ByteBuffer mapped = log.mappedRange(offset, span);
            if (mapped != null) {
                window = mapped;
                windowStart = offset;
                windowLength = span;
            } else {
                window = readIntoBuffer(offset, length, end);
                if (window == null) {
                    return null;
                }
            }
        }
        ByteBuffer view = window.duplicate();
        view.limit(windowLength).position((int) (offset - windowStart));
        return view;
    }

    /** Fills {@link #readBuffer} from {@code offset}; null (window dropped) when fewer than {@code length} came. */
    private ByteBuffer readIntoBuffer(long offset, int length, long end) throws IOException {
        if (readBuffer == null || readBuffer.capacity() < length) {
            readBuffer = ByteBuffer.allocateDirect(Math.max(WINDOW, length));
        }
        readBuffer.clear();
        readBuffer.limit((int) Math.min(readBuffer.capacity(), end - offset));
        int n = log.read(readBuffer, offset, end);
        windowStart = offset;
        windowLength = n;
        if (n < length) {
            invalidate();
            return null;
        }
        return readBuffer;
    }
}
