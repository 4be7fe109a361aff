package io.ternmq.outbox;

import javax.sql.DataSource;
import java.util.function.Supplier;

/**
 * {@link OutboxDatabase} on plain MyBatis over a {@link DataSource}, for applications without Spring: the thread's
 * transaction is a MyBatis {@code SqlSession} opened by {@link #inTransaction(Supplier)}.
 */
public final class MyBatisOutboxDatabase implements OutboxDatabase {
    public MyBatisOutboxDatabase(DataSource dataSource) {
        throw new UnsupportedOperationException("TODO");
    }

    @Override
    public <M> M mapper(Class<M> type) {
        throw new UnsupportedOperationException("TODO");
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        throw new UnsupportedOperationException("TODO");
    }

    @Override
    public boolean inTransaction() {
        throw new UnsupportedOperationException("TODO");
    }
}
