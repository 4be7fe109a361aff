package io.ternmq.kafka.mapping;

import io.ternmq.broker.store.AppendRequest;
import io.ternmq.broker.store.AppendResult;
import io.ternmq.broker.store.MessageDraft;
import io.ternmq.broker.store.MessageFilter;
import io.ternmq.broker.store.MessageStore;
import io.ternmq.broker.store.MessageStores;
import io.ternmq.broker.store.ReadBytesResult;
import io.ternmq.broker.store.RecordCheck;
import io.ternmq.broker.store.StoreConfig;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A real store in a test directory, and queue {@code orders-0} in it: append, wait until dispatched, read bytes. */
final class OrdersQueue implements AutoCloseable {
    static final String TOPIC = "orders";
    static final int LIMIT = 16 << 20;
    final MessageStore store;

    OrdersQueue(Path dir) {
        store = MessageStores.open(StoreConfig.defaults(dir).withSegmentSize(8 << 20));
    }

    AppendResult append(MessageDraft draft) throws Exception {
        return append(AppendRequest.single(TOPIC, 0, draft));
    }

    AppendResult append(AppendRequest request) throws Exception {
        AppendResult result = store.append(request).get();
        assertTrue(result.ok(), result.toString());
        return result;
    }

    /** {@code count} messages from {@code offset}, their records CRC-checked by the store. */
    ReadBytesResult readBytes(long offset, int count) {
        return readBytes(offset, count, RecordCheck.ON_READ);
    }

    ReadBytesResult readBytes(long offset, int count, RecordCheck check) {
        awaitReadable(offset + count);
        ReadBytesResult read = store.readBytes(TOPIC, 0, offset, count, LIMIT, MessageFilter.ACCEPT_ALL, check);
        assertEquals(count, read.messages().size(), read.status().toString());
        return read;
    }

    /** Dispatch to the ConsumeQueue is asynchronous; wait (bounded) until everything appended is dispatched. */
    void awaitReadable(long maxOffset) {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (store.maxOffset(TOPIC, 0) < maxOffset
                || store.status().dispatchedOffset() < store.status().commitLogMaxOffset()) {
            assertTrue(System.nanoTime() < deadline, "messages not dispatched in time");
            Thread.onSpinWait();
        }
    }

    @Override
    public void close() {
        store.close();
    }
}
