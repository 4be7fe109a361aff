package io.ternmq.broker.store.read;

import io.ternmq.broker.store.MessageProperty;
import io.ternmq.broker.store.StoredMessage;
import io.ternmq.broker.store.commitlog.CommitLog;
import io.ternmq.broker.store.commitlog.CorruptRecordException;
import io.ternmq.broker.store.commitlog.DecodedRecord;
import io.ternmq.broker.store.consumequeue.ConsumeQueue;
import io.ternmq.broker.store.consumequeue.ConsumeQueueEntry;
import io.ternmq.broker.store.consumequeue.ConsumeQueueTable;
import io.ternmq.broker.store.index.IndexEntry;
import io.ternmq.broker.store.index.IndexKeys;
import io.ternmq.broker.store.index.IndexStore;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Lookups by key, id and time. Index hits are only candidates: each is read back, CRC-checked and compared with
 * the key asked for (hash collisions), and must still be reachable through its ConsumeQueue (so deleted topics
 * and expired messages do not come back). Time queries use the store timestamps in ConsumeQueue entries.
 */
public final class MessageQueries {
    private final CommitLog log;
    private final ConsumeQueueTable queues;
    private final IndexStore index;

    /** @param index null when indexing is off; key and UNIQ_KEY queries then find nothing */
    public MessageQueries(CommitLog log, ConsumeQueueTable queues, IndexStore index) {
        this.log = log;
        this.queues = queues;
        this.index = index;
    }

    public List<StoredMessage> byKey(String topic, String key, long begin, long end, int maxResults) {
        if (index == null || maxResults <= 0) {
            return List.of();
        }
        List<IndexEntry> hits = new ArrayList<>(index.lookup(IndexKeys.businessKey(topic, key), begin, end,
                maxResults * 4 + 16));
        hits.addAll(index.lookup(IndexKeys.uniqKey(key), begin, end, maxResults * 4 + 16));
        hits.sort(Comparator.comparingLong(IndexEntry::commitLogOffset).thenComparingInt(IndexEntry::indexInEntry)
                .reversed());
        List<StoredMessage> out = new ArrayList<>();
        long lastOffset = -1;
        int lastIndex = -1;
        for (IndexEntry hit : hits) {
            if (hit.commitLogOffset() == lastOffset && hit.indexInEntry() == lastIndex) {
                continue;
            }
            lastOffset = hit.commitLogOffset();
            lastIndex = hit.indexInEntry();
            StoredMessage m = message(hit.commitLogOffset(), hit.indexInEntry());
            if (m != null && m.topic().equals(topic) && hasKey(m, key) && reachable(m)
                    && m.storeTimestamp() >= begin && m.storeTimestamp() <= end) {
                out.add(m);
                if (out.size() >= maxResults) {
                    break;
                }
            }
        }
        return out;
    }

    public Optional<StoredMessage> byId(String messageId) {
        long[] decoded = MessageIds.decode(messageId);
        if (decoded != null) {
            StoredMessage m = message(decoded[0], (int) decoded[1]);
            if (m != null) {
                return Optional.of(m);
            }
        }
        if (index == null) {
            return Optional.empty();
        }
        for (IndexEntry hit : index.lookup(IndexKeys.uniqKey(messageId), Long.MIN_VALUE, Long.MAX_VALUE, 16)) {
            StoredMessage m = message(hit.commitLogOffset(), hit.indexInEntry());
            if (m != null && messageId.equals(m.properties().get(MessageProperty.UNIQ_KEY))) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }

    public List<StoredMessage> byTime(String topic, long begin, long end, int maxResults) {
        List<StoredMessage> out = new ArrayList<>();
        for (int queueId : queues.queueIds(topic)) {
            ConsumeQueue cq = queues.get(topic, queueId);
            if (cq == null) {
                continue;
            }
            int taken = 0;
            for (long i = cq.findEntryByTimestamp(begin); i < cq.entryCount() && taken < maxResults; i++) {
                ConsumeQueueEntry e = cq.entry(i);
                if (e == null || e.storeTimestamp() > end) {
                    break;
                }
                DecodedRecord r = record(e.commitLogOffset(), e.size());
                if (r == null) {
                    break;
                }
                for (int m = 0; m < r.messages().size() && taken < maxResults; m++, taken++) {
                    out.add(StoredMessages.of(r, m));
                }
            }
        }
        out.sort(Comparator.comparingLong(StoredMessage::storeTimestamp)
                .thenComparingLong(StoredMessage::commitLogOffset).thenComparingLong(StoredMessage::queueOffset));
        return out.size() > maxResults ? List.copyOf(out.subList(0, maxResults)) : List.copyOf(out);
    }

    private StoredMessage message(long commitLogOffset, int indexInEntry) {
        DecodedRecord r = record(commitLogOffset, -1);
        return r == null || indexInEntry < 0 || indexInEntry >= r.messages().size()
                ? null : StoredMessages.of(r, indexInEntry);
    }

    private DecodedRecord record(long commitLogOffset, int size) {
        if (commitLogOffset < log.minOffset() || commitLogOffset >= log.maxOffset()) {
            return null;
        }
        try {
            return StoredMessages.read(log, commitLogOffset, size);
        } catch (CorruptRecordException e) {
            return null; // never serve damaged data; the read path logs it when a consumer reaches it
        }
    }

    private static boolean hasKey(StoredMessage m, String key) {
        String keys = m.properties().get(MessageProperty.KEYS);
        return key.equals(m.properties().get(MessageProperty.UNIQ_KEY))
                || (keys != null && Arrays.asList(keys.split(" ")).contains(key));
    }

    private boolean reachable(StoredMessage m) {
        ConsumeQueue cq = queues.get(m.topic(), m.queueId());
        if (cq == null) {
            return false;
        }
        long entry = cq.findEntryByQueueOffset(m.queueOffset());
        ConsumeQueueEntry e = entry < 0 ? null : cq.entry(entry);
        return e != null && e.commitLogOffset() == m.commitLogOffset();
    }
}
