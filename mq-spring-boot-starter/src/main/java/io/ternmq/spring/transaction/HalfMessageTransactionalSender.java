package io.ternmq.spring.transaction;

import io.ternmq.client.Message;
import io.ternmq.client.producer.SendResult;
import io.ternmq.client.producer.TransactionProducer;
import io.ternmq.outbox.txlog.TransactionLog;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * {@link TransactionalSender} with half messages ({@code mq.transaction.mode=half-message}, the default).
 *
 * <p>Inside the caller's Spring transaction: (1) the half message is sent (the broker stores it, invisible to
 * consumers); (2) a transaction-log row with its transaction id is inserted on the transaction's own connection;
 * (3) after the transaction completes, END_TX commits the half message (transaction committed) or rolls it back
 * (rolled back). What a crash at each point leaves behind, and how it is resolved:
 * <ul>
 *   <li>after (1), before the local commit: no row ever commits, so the broker's check-back is answered ROLLBACK
 *       once the half message is older than {@code mq.transaction.local-transaction-timeout};</li>
 *   <li>after the local commit, before END_TX (or END_TX lost, or the commit outcome unknown): the row is there, so
 *       the check-back is answered COMMIT.</li>
 * </ul>
 * Check-backs go to any live producer of {@code mq.transaction.producer-group}, this process or another one of the
 * same application ({@link TransactionCheckBack}). The message is therefore delivered if and only if the local
 * transaction committed.
 *
 * <p>Half messages are not ordered: a hash key is refused (use {@link TransactionMode#OUTBOX} for ordered
 * transactional messages). Thread-safe.
 */
public final class HalfMessageTransactionalSender implements TransactionalSender {
    private final TransactionProducer producer;
    private final TransactionLog log;
    private final boolean bindPlainSends;

    /**
     * @param bindPlainSends {@code mq.transaction.bind-plain-sends}: whether {@link #shouldBind()} may say yes
     */
    public HalfMessageTransactionalSender(TransactionProducer producer, TransactionLog log, boolean bindPlainSends) {
        this.producer = producer;
        this.log = log;
        this.bindPlainSends = bindPlainSends;
    }

    @Override
    public SendResult sendInTransaction(Message message, String hashKey) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalTransactionStateException("sendInTransaction to topic '" + message.topic()
                    + "' needs an active Spring transaction: call it inside a @Transactional method");
        }
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            throw new IllegalTransactionStateException("sendInTransaction to topic '" + message.topic()
                    + "' needs transaction synchronization to end the half message after the transaction; the "
                    + "transaction manager has it switched off (transactionSynchronization=SYNCHRONIZATION_NEVER)");
        }
        if (hashKey != null) {
            throw new IllegalArgumentException("a transactional message to topic '" + message.topic() + "' cannot be "
                    + "ordered by hash key '" + hashKey + "' with mq.transaction.mode=half-message; "
                    + "use mq.transaction.mode=outbox for ordered transactional messages");
        }
        SendResult half = producer.sendHalf(message);
        // registered before the insert, so a failed insert (which rolls the transaction back) rolls the half back too
        TransactionSynchronizationManager.registerSynchronization(new EndTransactionSynchronization(producer, half));
        log.record(half.msgId(), producer.producerGroup(), message.topic());
        return half;
    }

    @Override
    public boolean shouldBind() {
        return bindPlainSends && TransactionSynchronizationManager.isActualTransactionActive();
    }
}
