package io.ternmq.spring.txtest;

import io.ternmq.client.Message;
import io.ternmq.client.producer.SendResult;
import io.ternmq.spring.transaction.TransactionalSender;
import io.ternmq.test.db.TestDatabase;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Transactional;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The business side of the transaction tests: an {@code orders} table and a {@code @Transactional} service that
 * inserts an order and sends its event in the same local transaction, like an application would.
 */
public class Orders {
    private final JdbcTemplate jdbc;
    private final TransactionalSender sender;

    public Orders(DataSource dataSource, TransactionalSender sender) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.sender = sender;
    }

    /** Creates the {@code orders} table in {@code db} unless it exists. */
    public static void createTable(TestDatabase db) {
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS orders (order_key VARCHAR(128) PRIMARY KEY)");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Keys of the committed orders, sorted. */
    public static List<String> committedKeys(DataSource dataSource) {
        return new JdbcTemplate(dataSource).queryForList("SELECT order_key FROM orders ORDER BY order_key",
                String.class);
    }

    /**
     * Inserts order {@code key} and sends its event (key = order key) to {@code topic} in one transaction; then, when
     * {@code failAfterSend}, throws, which rolls both back.
     */
    @Transactional
    public SendResult place(String topic, String key, boolean failAfterSend) {
        jdbc.update("INSERT INTO orders (order_key) VALUES (?)", key);
        SendResult result = sender.sendInTransaction(event(topic, key), null);
        if (failAfterSend) {
            throw new IllegalStateException("payment declined for order " + key);
        }
        return result;
    }

    /** Sends without a transaction (what a caller that forgot {@code @Transactional} does). */
    public SendResult placeWithoutTransaction(String topic, String key) {
        return sender.sendInTransaction(event(topic, key), null);
    }

    public static Message event(String topic, String key) {
        return Message.builder().topic(topic).keys(key).body("order " + key).build();
    }
}
