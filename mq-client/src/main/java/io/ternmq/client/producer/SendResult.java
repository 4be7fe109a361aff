package io.ternmq.client.producer;

import io.ternmq.client.MessageQueue;

/**
 * The result of a send.
 *
 * @param status      how far the broker got ({@link SendStatus})
 * @param msgId       the client-generated UNIQ_KEY (comma-separated for a batch)
 * @param offsetMsgId the broker's message id (comma-separated for a batch); null when the status carries no ids
 * @param messageQueue the queue the message went to
 * @param queueOffset the queue offset of the (first) message; -1 when unknown
 */
public record SendResult(SendStatus status, String msgId, String offsetMsgId, MessageQueue messageQueue,
                         long queueOffset) {
}
