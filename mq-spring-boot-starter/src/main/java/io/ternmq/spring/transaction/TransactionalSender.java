package io.ternmq.spring.transaction;

import io.ternmq.client.Message;
import io.ternmq.client.producer.SendResult;

/**
 * Sends a message as part of the current local (Spring) transaction: it is delivered if and only if that
 * transaction commits. Backs {@code MQTemplate.sendInTransaction}; the implementation uses half messages with a
 * transaction-log row (answered at check-back) or an outbox row, as configured by {@code mq.transaction.mode}.
 */
public interface TransactionalSender {
    /**
     * @param hashKey null, or an ordering key (messages with one key are delivered in order)
     * @return the half message's send result (half-message mode), or null (outbox mode: sent after commit)
     * @throws org.springframework.transaction.IllegalTransactionStateException when no transaction is active
     */
    SendResult sendInTransaction(Message message, String hashKey);

    /**
     * Whether a plain send on the calling thread should go through {@link #sendInTransaction} instead: true when
     * {@code mq.transaction.bind-plain-sends} is on and a Spring transaction is active. {@code MQTemplate} asks this
     * before every plain send.
     */
    default boolean shouldBind() {
        return false;
    }
}
