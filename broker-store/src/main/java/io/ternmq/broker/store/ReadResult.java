package io.ternmq.broker.store;

import java.util.List;

/**
 * Outcome of a read.
 *
 * @param status     what happened
 * @param messages   messages in queue order (empty unless FOUND)
 * @param nextOffset the offset to read from next
 * @param minOffset  the queue's min offset at read time
 * @param maxOffset  the queue's max offset at read time
 */
public record ReadResult(ReadStatus status, List<StoredMessage> messages, long nextOffset, long minOffset,
                         long maxOffset) {
}
