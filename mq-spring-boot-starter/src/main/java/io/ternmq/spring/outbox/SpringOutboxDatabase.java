package io.ternmq.spring.outbox;

import io.ternmq.outbox.OutboxDatabase;
import io.ternmq.outbox.OutboxMappers;
import org.apache.ibatis.mapping.Environment;
import org.apache.ibatis.session.Configuration;
import org.apache.ibatis.session.ExecutorType;
import org.apache.ibatis.session.SqlSessionFactory;
import org.apache.ibatis.session.SqlSessionFactoryBuilder;
import org.mybatis.spring.SqlSessionTemplate;
import org.mybatis.spring.transaction.SpringManagedTransactionFactory;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.util.function.Supplier;

/**
 * {@link OutboxDatabase} whose mappers join the current Spring transaction: a transaction-log row, an idempotency
 * claim or an outbox row written inside an application's {@code @Transactional} method uses that method's connection
 * and commits or rolls back with its writes.
 *
 * <p>The MyBatis setup (a {@link SqlSessionFactory} with {@link SpringManagedTransactionFactory} and a
 * {@link SqlSessionTemplate}) is private to this object, never a bean, so an application's own MyBatis configuration
 * (mybatis-spring-boot-starter backs off when a factory bean exists) is left alone. The template translates no
 * exceptions: tx-outbox sees MyBatis's own exceptions, as it does on plain MyBatis.
 *
 * <p>The {@code transactionManager} must manage {@code dataSource} (a {@code DataSourceTransactionManager} or
 * {@code JdbcTransactionManager} on it, or one that exposes its JDBC connection, such as JPA's). Thread-safe.
 */
public final class SpringOutboxDatabase implements OutboxDatabase {
    private final SqlSessionTemplate sessions;
    private final TransactionTemplate transactions;

    public SpringOutboxDatabase(DataSource dataSource, PlatformTransactionManager transactionManager) {
        Configuration configuration = new Configuration(
                new Environment("ternmq-outbox", new SpringManagedTransactionFactory(), dataSource));
        OutboxMappers.addTo(configuration);
        SqlSessionFactory factory = new SqlSessionFactoryBuilder().build(configuration);
        this.sessions = new SqlSessionTemplate(factory, ExecutorType.SIMPLE, null);
        this.transactions = new TransactionTemplate(transactionManager);
    }

    @Override
    public <M> M mapper(Class<M> type) {
        return sessions.getMapper(type);
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        return transactions.execute(status -> work.get());
    }

    /** Whether a Spring transaction is active on the calling thread (not just transaction synchronization). */
    @Override
    public boolean inTransaction() {
        return TransactionSynchronizationManager.isActualTransactionActive();
    }
}
