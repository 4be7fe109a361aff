package io.ternmq.spring.outbox;

import io.ternmq.client.Message;
import io.ternmq.client.producer.SendResult;
import io.ternmq.outbox.relay.OutboxWriter;
import io.ternmq.spring.transaction.TransactionalSender;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * {@link TransactionalSender} for {@code mq.transaction.mode=outbox}: the message becomes a row of the outbox table,
 * inserted on the caller's transaction's connection, and the outbox relay sends it once the transaction committed
 * (nothing is sent after a rollback; at least once after a crash of the relay). Messages with one hash key keep
 * their order. Nothing is sent to the broker inside the transaction, so {@link #sendInTransaction} returns null.
 * Thread-safe.
 */
public final class OutboxTransactionalSender implements TransactionalSender {
    private final OutboxWriter writer;
    private final boolean bindPlainSends;

    /**
     * @param bindPlainSends {@code mq.transaction.bind-plain-sends}: whether {@link #shouldBind()} may say yes
     */
    public OutboxTransactionalSender(OutboxWriter writer, boolean bindPlainSends) {
        this.writer = writer;
        this.bindPlainSends = bindPlainSends;
    }

    /** Appends the message to the outbox in the current transaction; always returns null. */
    @Override
    public SendResult sendInTransaction(Message message, String hashKey) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalTransactionStateException("sendInTransaction to topic '" + message.topic()
                    + "' needs an active Spring transaction: call it inside a @Transactional method");
        }
        writer.append(message, hashKey);
        return null;
    }

    @Override
    public boolean shouldBind() {
        return bindPlainSends && TransactionSynchronizationManager.isActualTransactionActive();
    }
}
