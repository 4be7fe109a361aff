package io.ternmq.spring.transaction;

import io.ternmq.client.Message;
import io.ternmq.client.consumer.MessageExt;
import io.ternmq.client.producer.LocalTransactionState;
import io.ternmq.client.producer.TransactionListener;
import io.ternmq.outbox.txlog.TransactionLogChecker;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;

import java.time.Instant;

/**
 * The transactional producer's {@link TransactionListener}: answers check-backs with the application's
 * {@link MQTransactionChecker} bean when there is one and it gives an answer, else from the transaction-log table
 * ({@link TransactionLogChecker}: row present → commit; absent and older than the local-transaction timeout →
 * rollback; otherwise unknown).
 *
 * <p>Local transactions are run by Spring, not by the producer ({@link HalfMessageTransactionalSender} sends phase one
 * and END_TX itself), so {@link #executeLocalTransaction} is never called. The checker bean is looked up at a
 * check-back, which lets it depend on beans that themselves send messages. A check-back that arrives while the
 * application context is still creating its beans is answered UNKNOW (the broker asks again), so no bean is created
 * on the producer's check thread. Thread-safe.
 */
public final class TransactionCheckBack implements TransactionListener, SmartInitializingSingleton {
    private final ObjectProvider<MQTransactionChecker> checker;
    private final TransactionLogChecker logChecker;
    private volatile boolean ready;

    public TransactionCheckBack(ObjectProvider<MQTransactionChecker> checker, TransactionLogChecker logChecker) {
        this.checker = checker;
        this.logChecker = logChecker;
    }

    @Override
    public LocalTransactionState executeLocalTransaction(Message msg, Object arg) {
        throw new UnsupportedOperationException("local transactions are Spring transactions here: use "
                + "MQTemplate.sendInTransaction inside a @Transactional method");
    }

    /** Called once every singleton exists: from now on check-backs are answered. */
    @Override
    public void afterSingletonsInstantiated() {
        ready = true;
    }

    @Override
    public LocalTransactionState checkLocalTransaction(MessageExt msg) {
        if (!ready) {
            return LocalTransactionState.UNKNOW;
        }
        MQTransactionChecker user = checker.getIfAvailable();
        if (user != null) {
            LocalTransactionState answer = user.check(msg);
            if (answer != null) {
                return answer;
            }
        }
        return logChecker.check(msg.msgId(), Instant.ofEpochMilli(msg.bornTimestamp()));
    }
}
