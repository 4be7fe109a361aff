package io.ternmq.spring.transaction;

import io.ternmq.client.ClientConfig;
import io.ternmq.client.admin.AdminClient;
import io.ternmq.client.consumer.MessageExt;
import io.ternmq.client.producer.LocalTransactionState;
import io.ternmq.client.producer.SendResult;
import io.ternmq.client.producer.TransactionListener;
import io.ternmq.client.producer.TransactionProducer;
import io.ternmq.outbox.txlog.TransactionLog;
import io.ternmq.spring.core.MQTemplate;
import io.ternmq.spring.core.SendOptions;
import io.ternmq.spring.txtest.Orders;
import io.ternmq.spring.txtest.OrdersConfiguration;
import io.ternmq.spring.txtest.TopicMessages;
import io.ternmq.spring.txtest.TxContexts;
import io.ternmq.test.EmbeddedBroker;
import io.ternmq.test.EmbeddedMQ;
import io.ternmq.test.db.EmbeddedMySql;
import io.ternmq.test.db.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.ternmq.spring.txtest.Eventually.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Half messages bound to the local transaction, against a real broker and MariaDB: delivered once after commit,
 * never after rollback, refused without a transaction, and resolved from the transaction-log table by the broker's
 * check-back when END_TX never came. The broker checks back after 300 ms.
 */
@EmbeddedMySql
@EmbeddedMQ(config = {"defaultTopicQueueNums=1", "transactionTimeOut=300", "transactionCheckInterval=300",
        "transactionCheckMax=100"})
class HalfMessageTransactionalSenderTest {
    private static final Duration RESOLVED_WITHIN = Duration.ofSeconds(20);

    private final String address;
    private final String topic = "orders-" + UUID.randomUUID();
    private final String group = "pg-" + UUID.randomUUID();
    private final ApplicationContextRunner runner;
    private final AdminClient admin;

    HalfMessageTransactionalSenderTest(TestDatabase db, EmbeddedBroker broker) {
        Orders.createTable(db);
        this.address = broker.address();
        this.admin = AdminClient.create(address);
        this.runner = TxContexts.runner(db, address).withUserConfiguration(OrdersConfiguration.class)
                .withPropertyValues("mq.transaction.producer-group=" + group,
                        "mq.transaction.local-transaction-timeout=1s");
    }

    @AfterEach
    void closeAdmin() {
        admin.close();
    }

    @Test
    void aCommittedTransactionDeliversItsMessageOnceAndKeepsItsTransactionLogRow() {
        runner.run(context -> {
            SendResult half = context.getBean(Orders.class).place(topic, "o-1", false);
            await("the message delivered and the transaction resolved", RESOLVED_WITHIN,
                    () -> TopicMessages.keyCounts(address, topic).equals(Map.of("o-1", 1))
                            && admin.listTransactions(group).isEmpty());
            assertTrue(context.getBean(TransactionLog.class).exists(half.msgId()));
            MessageExt delivered = TopicMessages.readAll(address, topic).get(0);
            assertEquals(half.msgId(), delivered.msgId(), "the delivered message is the half message");
        });
    }

    @Test
    void mqTemplateSendsInTheTransactionThroughTheStartersSender() {
        runner.run(context -> {
            MQTemplate template = context.getBean(MQTemplate.class);
            SendResult half = context.getBean(TransactionTemplate.class).execute(status -> template
                    .sendInTransaction(topic, "shipped", SendOptions.builder().keys("o-template").build()));
            await("the template's message delivered", RESOLVED_WITHIN,
                    () -> TopicMessages.keyCounts(address, topic).equals(Map.of("o-template", 1))
                            && admin.listTransactions(group).isEmpty());
            assertTrue(context.getBean(TransactionLog.class).exists(half.msgId()));
        });
    }

    @Test
    void withBindPlainSendsAPlainTemplateSendInATransactionFollowsItsOutcome() {
        runner.withPropertyValues("mq.transaction.bind-plain-sends=true").run(context -> {
            MQTemplate template = context.getBean(MQTemplate.class);
            TransactionTemplate tx = context.getBean(TransactionTemplate.class);
            SendResult bound = tx.execute(status -> template.send(topic, "kept", SendOptions.builder()
                    .keys("o-bound").build()));
            assertThrows(IllegalStateException.class, () -> tx.executeWithoutResult(status -> {
                template.send(topic, "dropped", SendOptions.builder().keys("o-bound-rolled-back").build());
                throw new IllegalStateException("rolled back after the send");
            }));
            template.send(topic, "plain", SendOptions.builder().keys("o-unbound").build());
            await("the committed and the plain message delivered, every half message resolved", RESOLVED_WITHIN,
                    () -> TopicMessages.keyCounts(address, topic).keySet().containsAll(List.of("o-bound",
                            "o-unbound")) && admin.listTransactions(group).isEmpty());
            assertEquals(Map.of("o-bound", 1, "o-unbound", 1), TopicMessages.keyCounts(address, topic));
            assertTrue(context.getBean(TransactionLog.class).exists(bound.msgId()),
                    "the send inside the transaction went out as a half message with a log row");
        });
    }

    @Test
    void aRolledBackTransactionNeverDeliversItsMessageAndLeavesNoRow() {
        runner.run(context -> {
            Orders orders = context.getBean(Orders.class);
            int rowsBefore = txLogRows(context.getBean(DataSource.class));
            IllegalStateException declined = assertThrows(IllegalStateException.class,
                    () -> orders.place(topic, "o-declined", true));
            assertTrue(declined.getMessage().contains("o-declined"));
            orders.place(topic, "o-after", false);
            // one queue: had the rolled-back message been committed, it would be stored before o-after
            await("o-after delivered and every half message resolved", RESOLVED_WITHIN,
                    () -> TopicMessages.keyCounts(address, topic).containsKey("o-after")
                            && admin.listTransactions(group).isEmpty());
            assertEquals(Map.of("o-after", 1), TopicMessages.keyCounts(address, topic));
            assertEquals(List.of("o-after"), Orders.committedKeys(context.getBean(DataSource.class)).stream()
                    .filter(k -> k.startsWith("o-declined") || k.startsWith("o-after")).toList());
            assertEquals(rowsBefore + 1, txLogRows(context.getBean(DataSource.class)), "only o-after's row");
        });
    }

    @Test
    void sendingOutsideATransactionIsRefusedBeforeAnythingIsSent() {
        runner.run(context -> {
            IllegalTransactionStateException e = assertThrows(IllegalTransactionStateException.class,
                    () -> context.getBean(Orders.class).placeWithoutTransaction(topic, "o-loose"));
            assertTrue(e.getMessage().contains("@Transactional"), e.getMessage());
            assertEquals(List.of(), admin.listTransactions(group), "no half message was sent");
        });
    }

    @Test
    void anOrderingKeyIsRefusedInHalfMessageMode() {
        runner.run(context -> {
            TransactionalSender sender = context.getBean(TransactionalSender.class);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> context
                    .getBean(TransactionTemplate.class)
                    .execute(status -> sender.sendInTransaction(Orders.event(topic, "o-ordered"), "customer-7")));
            assertTrue(e.getMessage().contains("mq.transaction.mode=outbox"), e.getMessage());
        });
    }

    /**
     * Another member of the group sends two half messages and leaves without END_TX, as a process that died after
     * its local commit would: the committed one (its row is in the table) is committed by the starter's check-back,
     * the other (no row, older than the 1 s local-transaction timeout) rolled back.
     */
    @Test
    void halfMessagesWithoutEndTxAreResolvedByCheckBackFromTheTransactionLog() {
        runner.run(context -> {
            TransactionLog log = context.getBean(TransactionLog.class);
            JdbcTemplate jdbc = new JdbcTemplate(context.getBean(DataSource.class));
            try (TransactionProducer departed = TransactionProducer.builder()
                    .clientConfig(ClientConfig.of(address)).producerGroup(group)
                    .transactionListener(new AlwaysUnknown()).build()) {
                departed.start();
                SendResult committed = departed.sendHalf(Orders.event(topic, "o-committed"));
                context.getBean(TransactionTemplate.class).executeWithoutResult(status -> {
                    jdbc.update("INSERT INTO orders (order_key) VALUES (?)", "o-committed");
                    log.record(committed.msgId(), group, topic);
                });
                departed.sendHalf(Orders.event(topic, "o-abandoned"));
            }
            await("both half messages resolved by check-back", RESOLVED_WITHIN,
                    () -> admin.listTransactions(group).isEmpty());
            await("the committed one delivered", RESOLVED_WITHIN,
                    () -> TopicMessages.keyCounts(address, topic).containsKey("o-committed"));
            assertEquals(Map.of("o-committed", 1), TopicMessages.keyCounts(address, topic));
            assertFalse(Orders.committedKeys(context.getBean(DataSource.class)).contains("o-abandoned"));
        });
    }

    private static int txLogRows(DataSource dataSource) {
        Integer rows = new JdbcTemplate(dataSource).queryForObject("SELECT COUNT(*) FROM mq_tx_log", Integer.class);
        return rows == null ? 0 : rows;
    }

    /** A member of the group that never knows: only the starter's check-back can resolve anything. */
    private static final class AlwaysUnknown implements TransactionListener {
        @Override
        public LocalTransactionState executeLocalTransaction(io.ternmq.client.Message msg, Object arg) {
            return LocalTransactionState.UNKNOW;
        }

        @Override
        public LocalTransactionState checkLocalTransaction(MessageExt msg) {
            return LocalTransactionState.UNKNOW;
        }
    }
}
