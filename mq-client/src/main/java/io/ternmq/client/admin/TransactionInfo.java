package io.ternmq.client.admin;

import io.ternmq.protocol.message.TransactionState;

/**
 * A half (transactional) message the broker still waits on: being checked back with its producer group
 * ({@link TransactionState#PENDING}) or parked after {@code transactionCheckMax} check-backs
 * ({@link TransactionState#PARKED}). Resolve it with {@link AdminClient#resolveTransaction}.
 *
 * @param transactionId  the producer's id of the transaction (the message's UNIQ_KEY); may be null
 * @param producerGroup  the group the message was sent with (resolving must name it)
 * @param realTopic      topic the message is delivered to once committed
 * @param realQueueId    queue it is delivered to once committed
 * @param halfMessageId  the broker's id of the half message
 * @param storeTimestamp when the half message was stored (epoch ms)
 * @param checkTimes     check-backs sent so far
 * @param state          pending or parked
 */
public record TransactionInfo(String transactionId, String producerGroup, String realTopic, int realQueueId,
                              String halfMessageId, long storeTimestamp, int checkTimes, TransactionState state) {
}
