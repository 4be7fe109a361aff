package io.ternmq.spring.transaction.crash;

import org.springframework.jdbc.datasource.DelegatingDataSource;

import javax.sql.DataSource;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;

/**
 * The application's DataSource with a trap: preparing the INSERT into the transaction-log table reaches
 * {@link CrashPoint#AFTER_HALF_BEFORE_LOG_INSERT} (the starter inserts the row right after the broker stored the half
 * message). Everything else passes through.
 */
final class CrashingDataSource extends DelegatingDataSource {
    CrashingDataSource(DataSource target) {
        super(target);
    }

    @Override
    public Connection getConnection() throws SQLException {
        return trapped(super.getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return trapped(super.getConnection(username, password));
    }

    private static Connection trapped(Connection connection) {
        return (Connection) Proxy.newProxyInstance(CrashingDataSource.class.getClassLoader(),
                new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                    if (method.getName().startsWith("prepare") && args != null && args.length > 0
                            && args[0] instanceof String sql && isTransactionLogInsert(sql)) {
                        CrashPoint.AFTER_HALF_BEFORE_LOG_INSERT.reached();
                    }
                    try {
                        return method.invoke(connection, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private static boolean isTransactionLogInsert(String sql) {
        String s = sql.toLowerCase(Locale.ROOT);
        return s.contains("insert") && s.contains("mq_tx_log");
    }
}
