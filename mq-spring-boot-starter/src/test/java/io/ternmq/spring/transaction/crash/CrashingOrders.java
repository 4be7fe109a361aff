package io.ternmq.spring.transaction.crash;

import io.ternmq.spring.txtest.Orders;
import io.ternmq.spring.transaction.TransactionalSender;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import javax.sql.DataSource;

/**
 * The order service of {@link CrashingOrderApp}: an order row and its event in one {@code @Transactional} method,
 * with hooks at the two crash points that lie outside the starter (before the commit, and between the commit and the
 * starter's END_TX, which runs in {@code afterCompletion}, after every {@code afterCommit}).
 */
public class CrashingOrders {
    private final JdbcTemplate jdbc;
    private final TransactionalSender sender;

    public CrashingOrders(DataSource dataSource, TransactionalSender sender) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.sender = sender;
    }

    @Transactional
    public void place(String topic, String key, boolean declined) {
        CrashPoint.CURRENT_ORDER.set(key);
        jdbc.update("INSERT INTO orders (order_key) VALUES (?)", key);
        sender.sendInTransaction(Orders.event(topic, key), null);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void beforeCommit(boolean readOnly) {
                CrashPoint.AFTER_LOG_INSERT_BEFORE_COMMIT.reached();
            }

            @Override
            public void afterCommit() {
                CrashPoint.AFTER_COMMIT_BEFORE_END_TX.reached();
            }
        });
        if (declined) {
            throw new IllegalStateException("order " + key + " declined");
        }
    }
}
