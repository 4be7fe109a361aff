package io.ternmq.outbox;

import org.apache.ibatis.mapping.Environment;
import org.apache.ibatis.session.Configuration;
import org.apache.ibatis.session.LocalCacheScope;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;
import org.apache.ibatis.session.SqlSessionFactoryBuilder;
import org.apache.ibatis.transaction.jdbc.JdbcTransactionFactory;

import javax.sql.DataSource;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * {@link OutboxDatabase} on plain MyBatis over a {@link DataSource}, for applications without Spring: the thread's
 * transaction is a MyBatis {@code SqlSession} opened by {@link #inTransaction(Supplier)}.
 *
 * <p>The outermost {@code inTransaction} on a thread opens a session with auto-commit off, keeps it in a thread-local
 * while {@code work} runs (nested calls join it), commits when {@code work} returns and rolls back when it throws.
 * A mapper call outside any transaction opens a short auto-commit session for that one statement. Use a pooled
 * DataSource in production: every transaction and every such call takes a connection.
 *
 * <p>Thread-safe; a transaction belongs to the thread that opened it.
 */
public final class MyBatisOutboxDatabase implements OutboxDatabase {
    private final SqlSessionFactory sessions;
    private final ThreadLocal<SqlSession> current = new ThreadLocal<>();
    private final Map<Class<?>, Object> mappers = new ConcurrentHashMap<>();

    public MyBatisOutboxDatabase(DataSource dataSource) {
        Configuration configuration = new Configuration(new Environment("tx-outbox", new JdbcTransactionFactory(),
                Objects.requireNonNull(dataSource, "dataSource")));
        // statements read what the database holds now, never what this session read earlier
        configuration.setLocalCacheScope(LocalCacheScope.STATEMENT);
        OutboxMappers.addTo(configuration);
        this.sessions = new SqlSessionFactoryBuilder().build(configuration);
    }

    /** The MyBatis configuration, e.g. to register more mappers that should share these transactions. */
    public Configuration configuration() {
        return sessions.getConfiguration();
    }

    @Override
    public <M> M mapper(Class<M> type) {
        if (!sessions.getConfiguration().hasMapper(type)) {
            throw new IllegalArgumentException(type.getName() + " is not a registered mapper; add it with "
                    + "configuration().addMapper(...)");
        }
        return type.cast(mappers.computeIfAbsent(type, t -> Proxy.newProxyInstance(t.getClassLoader(),
                new Class<?>[] {t}, new ThreadSessionRouter(t))));
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        Objects.requireNonNull(work, "work");
        if (current.get() != null) {
            return work.get();
        }
        SqlSession session = sessions.openSession(false);
        current.set(session);
        try {
            T result = work.get();
            session.commit(true);
            return result;
        } catch (RuntimeException | Error e) {
            try {
                session.rollback(true);
            } catch (RuntimeException rollbackFailure) {
                e.addSuppressed(rollbackFailure);
            }
            throw e;
        } finally {
            current.remove();
            session.close();
        }
    }

    @Override
    public boolean inTransaction() {
        return current.get() != null;
    }

    /** Sends each mapper call to the calling thread's transaction, or to a one-statement auto-commit session. */
    private final class ThreadSessionRouter implements InvocationHandler {
        private final Class<?> type;

        ThreadSessionRouter(Class<?> type) {
            this.type = type;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            if (method.getDeclaringClass() == Object.class) {
                return switch (method.getName()) {
                    case "equals" -> proxy == args[0];
                    case "hashCode" -> System.identityHashCode(proxy);
                    default -> "tx-outbox mapper " + type.getSimpleName();
                };
            }
            SqlSession session = current.get();
            if (session != null) {
                return call(session, method, args);
            }
            try (SqlSession single = sessions.openSession(true)) {
                return call(single, method, args);
            }
        }

        private Object call(SqlSession session, Method method, Object[] args) throws Throwable {
            try {
                return method.invoke(session.getMapper(type), args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }
    }
}
