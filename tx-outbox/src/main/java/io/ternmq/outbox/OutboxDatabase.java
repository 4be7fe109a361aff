package io.ternmq.outbox;

import java.util.function.Supplier;

/**
 * How tx-outbox reaches the application's MySQL database: MyBatis mappers plus a way to run work in a local
 * transaction. {@link MyBatisOutboxDatabase} is the plain-MyBatis implementation; the Spring Boot starter supplies one
 * whose mappers join the current Spring transaction, so a transaction-log row or an idempotency claim commits or rolls
 * back with the application's own writes.
 */
public interface OutboxDatabase {
    /**
     * A mapper whose statements run in the transaction current on the calling thread (opened by
     * {@link #inTransaction} or, in Spring, by the application), or each in its own auto-committed transaction when
     * there is none. The returned object may be kept and shared between threads.
     */
    <M> M mapper(Class<M> type);

    /**
     * Runs {@code work} in a transaction: joins the calling thread's current transaction if there is one, else
     * begins one that commits when {@code work} returns and rolls back when it throws.
     */
    <T> T inTransaction(Supplier<T> work);

    /** Whether the calling thread is inside a transaction of this database. */
    boolean inTransaction();
}
