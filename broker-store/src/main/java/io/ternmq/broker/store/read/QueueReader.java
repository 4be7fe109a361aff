package io.ternmq.broker.store.read;

import io.ternmq.broker.store.MessageFilter;
import io.ternmq.broker.store.ReadBytesResult;
import io.ternmq.broker.store.ReadResult;
import io.ternmq.broker.store.ReadStatus;
import io.ternmq.broker.store.RecordCheck;
import io.ternmq.broker.store.StoredMessage;
import io.ternmq.broker.store.commitlog.CommitLog;
import io.ternmq.broker.store.commitlog.CorruptRecordException;
import io.ternmq.broker.store.commitlog.DecodedRecord;
import io.ternmq.broker.store.consumequeue.ConsumeQueue;
import io.ternmq.broker.store.consumequeue.ConsumeQueueEntry;
import io.ternmq.broker.store.consumequeue.ConsumeQueueTable;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * The read path of one queue: find the ConsumeQueue entry holding the offset (binary search, batches cover
 * several offsets), skip entries whose tag hash the filter rejects without touching the CommitLog, read and
 * CRC-check each record, then filter and collect messages. Thread-safe (no shared mutable state).
 *
 * <p>A record that fails its CRC is never returned: the read stops before it, logs, and returns what it has; with
 * nothing collected, {@code NO_MATCHED_MESSAGE} with {@code nextOffset} at the damaged message, so the consumer does
 * not skip data silently.
 */
public final class QueueReader {
    private static final System.Logger LOG = System.getLogger(QueueReader.class.getName());
    /** Bounds the work of one read when the filter rejects almost everything. */
    private static final int MAX_SCANNED_ENTRIES = 4096;

    private final CommitLog log;
    private final ConsumeQueueTable queues;

    public QueueReader(CommitLog log, ConsumeQueueTable queues) {
        this.log = log;
        this.queues = queues;
    }

    public ReadResult read(String topic, int queueId, long offset, int maxMessages, int maxBytes,
                           MessageFilter filter) {
        ConsumeQueue cq = queues.get(topic, queueId);
        if (cq == null) {
            return new ReadResult(ReadStatus.NO_SUCH_QUEUE, List.of(), 0, 0, 0);
        }
        long min = cq.minOffset();
        long max = cq.maxOffset();
        if (offset < min) {
            return new ReadResult(ReadStatus.OFFSET_TOO_SMALL, List.of(), min, min, max);
        }
        if (offset == max) {
            return new ReadResult(ReadStatus.NO_NEW_MESSAGE, List.of(), offset, min, max);
        }
        if (offset > max) {
            return new ReadResult(ReadStatus.OFFSET_OVERFLOW, List.of(), max, min, max);
        }
        long entry = cq.findEntryByQueueOffset(offset);
        if (entry < 0) {
            // Retention moved the minimum between the checks above and the search.
            return new ReadResult(ReadStatus.OFFSET_TOO_SMALL, List.of(), cq.minOffset(), cq.minOffset(), max);
        }
        return collect(cq, entry, offset, Math.max(1, maxMessages), maxBytes, filter, min, max);
    }

    private ReadResult collect(ConsumeQueue cq, long entryIndex, long offset, int maxMessages, int maxBytes,
                               MessageFilter filter, long min, long max) {
        List<StoredMessage> out = new ArrayList<>();
        long next = offset;
        long bytes = 0;
        int scanned = 0;
        EntryCursor entries = new EntryCursor(cq, entryIndex);
        for (long i = entryIndex; i < cq.entryCount() && scanned++ < MAX_SCANNED_ENTRIES; i++) {
            ConsumeQueueEntry e = entries.get(i, maxMessages);
            if (e == null) {
                break;
            }
            cq.rememberLookup(i); // the next read of this queue starts in the last entry this one reached, or after
            if (!filter.matchesTagHash(e.tagHash(), e.multiTags())) {
                next = e.endQueueOffset();
                continue;
            }
            DecodedRecord r;
            try {
                r = StoredMessages.read(log, e.commitLogOffset(), e.size());
            } catch (CorruptRecordException ex) {
                LOG.log(Level.ERROR, "not serving damaged record of " + cq.topic() + "-" + cq.queueId()
                        + " at queue offset " + next + ": " + ex.getMessage());
                break;
            }
            if (r == null) {
                break;
            }
            for (int m = (int) Math.max(0, next - r.baseQueueOffset()); m < r.messages().size(); m++) {
                StoredMessage msg = StoredMessages.of(r, m);
                if (!filter.matches(msg.properties())) {
                    next = msg.queueOffset() + 1;
                    continue;
                }
                if (!out.isEmpty() && bytes + msg.body().length > maxBytes) {
                    return found(out, next, min, max);
                }
                out.add(msg);
                bytes += msg.body().length;
                next = msg.queueOffset() + 1;
                if (out.size() >= maxMessages) {
                    return found(out, next, min, max);
                }
            }
        }
        return out.isEmpty()
                ? new ReadResult(ReadStatus.NO_MATCHED_MESSAGE, List.of(), next, min, max)
                : found(out, next, min, max);
    }

    /**
     * As {@link #read}, but hands out each message as the bytes of its record ({@link StoredMessageBytes}): no
     * strings, maps or body copies, for the pull path that copies them straight into a response. With {@link
     * RecordCheck#BY_CALLER} the record CRCs are left to the caller (structure is still checked).
     */
    public ReadBytesResult readBytes(String topic, int queueId, long offset, int maxMessages, int maxBytes,
                                     MessageFilter filter, RecordCheck check) {
        ConsumeQueue cq = queues.get(topic, queueId);
        if (cq == null) {
            return new ReadBytesResult(ReadStatus.NO_SUCH_QUEUE, List.of(), 0, 0, 0);
        }
        long min = cq.minOffset();
        long max = cq.maxOffset();
        if (offset < min) {
            return new ReadBytesResult(ReadStatus.OFFSET_TOO_SMALL, List.of(), min, min, max);
        }
        if (offset == max) {
            return new ReadBytesResult(ReadStatus.NO_NEW_MESSAGE, List.of(), offset, min, max);
        }
        if (offset > max) {
            return new ReadBytesResult(ReadStatus.OFFSET_OVERFLOW, List.of(), max, min, max);
        }
        long entry = cq.findEntryByQueueOffset(offset);
        if (entry < 0) {
            return new ReadBytesResult(ReadStatus.OFFSET_TOO_SMALL, List.of(), cq.minOffset(), cq.minOffset(), max);
        }
        BytesCollector c = new BytesCollector(offset, Math.max(1, maxMessages), maxBytes, filter);
        RecordLayout layout = new RecordLayout(check == RecordCheck.ON_READ);
        EntryCursor entries = new EntryCursor(cq, entry);
        int scanned = 0;
        long last = entry;
        for (long i = entry; i < cq.entryCount() && scanned++ < MAX_SCANNED_ENTRIES && !c.full; i++) {
            ConsumeQueueEntry e = entries.get(i, maxMessages);
            if (e == null) {
                break;
            }
            last = i;
            if (!filter.matchesTagHash(e.tagHash(), e.multiTags())) {
                c.next = e.endQueueOffset();
                continue;
            }
            try {
                ByteBuffer record = log.recordView(e.commitLogOffset(), e.size());
                if (record == null) {
                    break;
                }
                layout.forEachMessage(record, e.commitLogOffset(), (int) Math.max(0, c.next - e.baseQueueOffset()),
                        c);
            } catch (CorruptRecordException ex) {
                LOG.log(Level.ERROR, "not serving damaged record of " + cq.topic() + "-" + cq.queueId()
                        + " at queue offset " + c.next + ": " + ex.getMessage());
                break;
            } catch (IOException ex) {
                break; // segment deleted by retention while reading
            }
        }
        cq.rememberLookup(last); // the next read of this queue starts in this entry or the next
        return c.out.isEmpty()
                ? new ReadBytesResult(ReadStatus.NO_MATCHED_MESSAGE, List.of(), c.next, min, max)
                : new ReadBytesResult(ReadStatus.FOUND, List.copyOf(c.out), c.next, min, max);
    }

    /** Collects messages of one readBytes call up to its limits; {@code next} is the offset to read from next. */
    private static final class BytesCollector implements RecordLayout.MessageSink {
        final List<StoredMessageBytes> out = new ArrayList<>();
        final int maxMessages;
        final int maxBytes;
        final MessageFilter filter;
        long next;
        long bytes;
        boolean full;

        BytesCollector(long next, int maxMessages, int maxBytes, MessageFilter filter) {
            this.next = next;
            this.maxMessages = maxMessages;
            this.maxBytes = maxBytes;
            this.filter = filter;
        }

        @Override
        public boolean accept(StoredMessageBytes m) {
            if (filter != MessageFilter.ACCEPT_ALL && !filter.matches(m.properties())) {
                next = m.queueOffset() + 1;
                return true;
            }
            int size = m.bodyLength();
            if (!out.isEmpty() && bytes + size > maxBytes) {
                full = true;
                return false;
            }
            out.add(m);
            bytes += size;
            next = m.queueOffset() + 1;
            if (out.size() >= maxMessages) {
                full = true;
                return false;
            }
            return true;
        }
    }

    private static ReadResult found(List<StoredMessage> messages, long next, long min, long max) {
        return new ReadResult(ReadStatus.FOUND, List.copyOf(messages), next, min, max);
    }
}
