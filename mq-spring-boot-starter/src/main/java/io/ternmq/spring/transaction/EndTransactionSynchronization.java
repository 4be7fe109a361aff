package io.ternmq.spring.transaction;

import io.ternmq.client.producer.LocalTransactionState;
import io.ternmq.client.producer.SendResult;
import io.ternmq.client.producer.TransactionProducer;
import org.springframework.transaction.support.TransactionSynchronization;

/**
 * Ends one half message when its local transaction completes: COMMIT after a commit, ROLLBACK after a rollback, and
 * nothing when the outcome is unknown (the broker's check-back then reads the transaction-log table). A lost END_TX
 * is not an error for the same reason.
 */
final class EndTransactionSynchronization implements TransactionSynchronization {
    private static final System.Logger LOG = System.getLogger(EndTransactionSynchronization.class.getName());

    private final TransactionProducer producer;
    private final SendResult half;

    EndTransactionSynchronization(TransactionProducer producer, SendResult half) {
        this.producer = producer;
        this.half = half;
    }

    @Override
    public void afterCompletion(int status) {
        LocalTransactionState state = switch (status) {
            case STATUS_COMMITTED -> LocalTransactionState.COMMIT_MESSAGE;
            case STATUS_ROLLED_BACK -> LocalTransactionState.ROLLBACK_MESSAGE;
            default -> null;
        };
        if (state == null) {
            LOG.log(System.Logger.Level.WARNING, "outcome of the local transaction of half message {0} is unknown; "
                    + "the broker's check-back will read the transaction log", half.msgId());
            return;
        }
        if (!producer.endTransaction(half, state)) {
            LOG.log(System.Logger.Level.DEBUG, "END_TX {0} of {1} not acknowledged; the check-back will resolve it",
                    state, half.msgId());
        }
    }
}
