package io.ternmq.broker.store;

import io.ternmq.broker.store.read.StoredMessageBytes;

import java.util.List;

/**
 * Outcome of {@link MessageStore#readBytes}: as {@link ReadResult}, with the messages as record bytes.
 *
 * @param status     what happened
 * @param messages   messages in queue order (empty unless FOUND)
 * @param nextOffset the offset to read from next
 * @param minOffset  the queue's min offset at read time
 * @param maxOffset  the queue's max offset at read time
 */
public record ReadBytesResult(ReadStatus status, List<StoredMessageBytes> messages, long nextOffset, long minOffset,
                              long maxOffset) {
}
