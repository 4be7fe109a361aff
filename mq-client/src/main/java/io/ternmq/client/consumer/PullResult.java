package io.ternmq.client.consumer;

import java.util.List;

/**
 * The answer to one pull.
 *
 * @param nextOffset where the next pull of this queue should start
 * @param minOffset  the queue's oldest offset still stored
 * @param maxOffset  the queue's next offset to be written
 */
public record PullResult(PullStatus status, long nextOffset, long minOffset, long maxOffset, List<MessageExt> messages) {
}
