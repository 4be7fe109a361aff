package io.ternmq.spring.idempotency.crash;

import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.util.Map;
import java.util.TreeMap;

/**
 * The business table of the consumer processes, {@code orders_consumed}: one row per order the listener recorded.
 * On purpose it has no unique key on {@code order_id}, so the only thing that keeps an order from being recorded
 * twice is the idempotency claim committed in the same transaction.
 */
final class ConsumedOrders {
    private final JdbcTemplate jdbc;

    ConsumedOrders(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    void createTable() {
        jdbc.execute("CREATE TABLE IF NOT EXISTS orders_consumed (id BIGINT AUTO_INCREMENT PRIMARY KEY, "
                + "order_id VARCHAR(64) NOT NULL, message_id VARCHAR(64) NOT NULL, consumer VARCHAR(64) NOT NULL, "
                + "recorded_at TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3))");
    }

    /** The listener's write; joins the caller's transaction. */
    void record(String orderId, String messageId, String consumer) {
        jdbc.update("INSERT INTO orders_consumed (order_id, message_id, consumer) VALUES (?, ?, ?)", orderId,
                messageId, consumer);
    }

    /** Which message and which consumer process recorded an order. */
    record Recorded(String messageId, String consumer) {
    }

    /** Order id → its row's message and consumer (the first row, should there be several), sorted by order id. */
    Map<String, Recorded> recorded() {
        Map<String, Recorded> rows = new TreeMap<>();
        jdbc.query("SELECT order_id, message_id, consumer FROM orders_consumed ORDER BY id", rs -> {
            rows.putIfAbsent(rs.getString(1), new Recorded(rs.getString(2), rs.getString(3)));
        });
        return rows;
    }

    /** Order ids with more than one row, and how many, with the consumers that wrote them. */
    Map<String, String> recordedMoreThanOnce() {
        Map<String, String> twice = new TreeMap<>();
        jdbc.query("SELECT order_id, COUNT(*), GROUP_CONCAT(consumer ORDER BY id) FROM orders_consumed "
                + "GROUP BY order_id HAVING COUNT(*) > 1", rs -> {
                    twice.put(rs.getString(1), rs.getInt(2) + " rows by " + rs.getString(3));
                });
        return twice;
    }

    int distinctOrders() {
        Integer n = jdbc.queryForObject("SELECT COUNT(DISTINCT order_id) FROM orders_consumed", Integer.class);
        return n == null ? 0 : n;
    }
}
