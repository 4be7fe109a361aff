package io.ternmq.client.producer;

/**
 * The outcome of {@link TransactionProducer#sendMessageInTransaction}.
 *
 * @param sendResult            the half message's send result ({@link SendResult#offsetMsgId()} is the half id)
 * @param localTransactionState what the listener returned (UNKNOW when it threw)
 * @param transactionId         the client's transaction id (the message's UNIQ_KEY)
 * @param endDelivered          true when the broker acknowledged the END_TX; false means the broker will check
 *                              back instead
 */
public record TransactionSendResult(SendResult sendResult, LocalTransactionState localTransactionState,
                                    String transactionId, boolean endDelivered) {
}
