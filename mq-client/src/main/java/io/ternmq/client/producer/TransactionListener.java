package io.ternmq.client.producer;

import io.ternmq.client.Message;
import io.ternmq.client.consumer.MessageExt;

/**
 * The application side of a transactional message. Both methods should read and write <b>durable</b> state: a
 * check-back may come from another process of the same producer group after this one crashed, and may come more
 * than once, even after {@link #executeLocalTransaction} returned COMMIT (its END_TX may have been lost).
 */
public interface TransactionListener {
    /**
     * Runs the local transaction after the half message is stored, on the caller's thread. An exception counts as
     * {@link LocalTransactionState#UNKNOW}.
     *
     * @param msg the message as sent (its UNIQ_KEY is the transaction id)
     * @param arg what the caller passed to {@link TransactionProducer#sendMessageInTransaction}
     */
    LocalTransactionState executeLocalTransaction(Message msg, Object arg);

    /**
     * Answers a broker check-back, on the producer's check executor. An exception or a slow answer counts as
     * {@link LocalTransactionState#UNKNOW}.
     *
     * @param msg the half message with its real topic; {@link MessageExt#msgId()} is the transaction id,
     *            {@link MessageExt#offsetMsgId()} the half message id
     */
    LocalTransactionState checkLocalTransaction(MessageExt msg);
}
