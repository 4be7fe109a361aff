package io.ternmq.spring.autoconfigure;

import io.ternmq.client.Message;
import io.ternmq.client.consumer.MessageExt;
import io.ternmq.client.producer.LocalTransactionState;
import io.ternmq.client.producer.SendResult;
import io.ternmq.client.producer.TransactionProducer;
import io.ternmq.outbox.OutboxDatabase;
import io.ternmq.outbox.idempotency.IdempotencyStore;
import io.ternmq.outbox.txlog.TransactionLog;
import io.ternmq.spring.idempotency.IdempotencyGuard;
import io.ternmq.spring.idempotency.MySqlIdempotencyGuard;
import io.ternmq.spring.outbox.OutboxRelayLifecycle;
import io.ternmq.spring.outbox.OutboxSchemaInitializer;
import io.ternmq.spring.outbox.OutboxTransactionalSender;
import io.ternmq.spring.outbox.SpringOutboxDatabase;
import io.ternmq.spring.transaction.HalfMessageTransactionalSender;
import io.ternmq.spring.transaction.MQTransactionChecker;
import io.ternmq.spring.transaction.TransactionCheckBack;
import io.ternmq.spring.transaction.TransactionMode;
import io.ternmq.spring.transaction.TransactionalSender;
import io.ternmq.spring.txtest.TxContexts;
import io.ternmq.test.EmbeddedBroker;
import io.ternmq.test.EmbeddedMQ;
import io.ternmq.test.db.EmbeddedDatabase;
import io.ternmq.test.db.EmbeddedMySql;
import io.ternmq.test.db.TestDatabase;
import org.apache.ibatis.session.SqlSessionFactory;
import org.junit.jupiter.api.Test;
import org.mybatis.spring.SqlSessionTemplate;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

@EmbeddedMySql
@EmbeddedMQ
class MQTransactionAutoConfigurationTest {
    private static final Set<String> TX_OUTBOX_TABLES = Set.of("mq_tx_log", "mq_idempotency", "mq_outbox");

    private final TestDatabase db;
    private final ApplicationContextRunner runner;

    MQTransactionAutoConfigurationTest(TestDatabase db, EmbeddedBroker broker) {
        this.db = db;
        this.runner = TxContexts.runner(db, broker.address());
    }

    @Test
    void withADataSourceDefinesTransactionalMessagingIdempotencyAndTheSchema() {
        runner.run(context -> {
            assertNull(context.getStartupFailure());
            assertInstanceOf(SpringOutboxDatabase.class, context.getBean(OutboxDatabase.class));
            assertInstanceOf(HalfMessageTransactionalSender.class, context.getBean(TransactionalSender.class));
            assertInstanceOf(MySqlIdempotencyGuard.class, context.getBean(IdempotencyGuard.class));
            assertEquals("mq-tx-producer", context.getBean(TransactionProducer.class).producerGroup());
            assertEquals(1, context.getBeanNamesForType(TransactionLog.class).length);
            assertEquals(1, context.getBeanNamesForType(IdempotencyStore.class).length);
            assertEquals(0, context.getBeanNamesForType(OutboxRelayLifecycle.class).length, "no relay in half-message mode");
            // Boot's transaction manager is used, and no MyBatis bean competes with the application's own
            assertEquals(List.of("transactionManager"),
                    List.of(context.getBeanNamesForType(PlatformTransactionManager.class)));
            assertEquals(0, context.getBeanNamesForType(SqlSessionFactory.class).length);
            assertEquals(0, context.getBeanNamesForType(SqlSessionTemplate.class).length);
            assertTrue(tables(context.getBean(DataSource.class)).containsAll(TX_OUTBOX_TABLES),
                    "tables after startup: " + tables(context.getBean(DataSource.class)));
        });
    }

    @Test
    void withoutADataSourceDefinesNothing() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(MQAutoConfiguration.class, MQTransactionAutoConfiguration.class))
                .run(context -> {
                    assertNull(context.getStartupFailure());
                    for (Class<?> type : List.of(OutboxDatabase.class, TransactionalSender.class,
                            IdempotencyGuard.class, TransactionProducer.class, OutboxSchemaInitializer.class,
                            PlatformTransactionManager.class)) {
                        assertEquals(0, context.getBeanNamesForType(type).length, type.getSimpleName());
                    }
                });
    }

    @Test
    void aUserCheckerAnswersCheckBacksAndTheTransactionLogAnswersWhenItReturnsNull() {
        runner.withUserConfiguration(OrdersChecker.class).run(context -> {
            TransactionCheckBack checkBack = context.getBean(TransactionCheckBack.class);
            long hourAgo = System.currentTimeMillis() - Duration.ofHours(1).toMillis();
            assertEquals(LocalTransactionState.COMMIT_MESSAGE, checkBack.checkLocalTransaction(
                    half("tx-1", "order-known", hourAgo)), "the user's checker decides");
            assertEquals(LocalTransactionState.ROLLBACK_MESSAGE, checkBack.checkLocalTransaction(
                    half("tx-2", "other", hourAgo)), "null falls back to the table: no row, older than the timeout");
        });
        runner.run(context -> assertEquals(LocalTransactionState.UNKNOW, context.getBean(TransactionCheckBack.class)
                .checkLocalTransaction(half("tx-3", "order-known", System.currentTimeMillis())),
                "without a user checker: no row yet, younger than the timeout"));
    }

    @Test
    void bindsTheTransactionIdempotencyAndOutboxProperties() {
        runner.withPropertyValues("mq.transaction.mode=outbox", "mq.transaction.producer-group=pg-orders",
                "mq.transaction.local-transaction-timeout=5s", "mq.transaction.bind-plain-sends=true",
                "mq.transaction.retention=2d", "mq.transaction.cleanup-interval=10m",
                "mq.idempotency.lease=30s", "mq.idempotency.retention=3d",
                "mq.outbox.poll-interval=50ms", "mq.outbox.batch-size=7", "mq.outbox.max-attempts=3",
                "mq.outbox.retry-backoff=2s", "mq.outbox.retention=6h").run(context -> {
            assertNull(context.getStartupFailure());
            MQProperties properties = context.getBean(MQProperties.class);
            TransactionProperties tx = properties.getTransaction();
            assertEquals(TransactionMode.OUTBOX, tx.getMode());
            assertEquals("pg-orders", tx.getProducerGroup());
            assertEquals(Duration.ofSeconds(5), tx.getLocalTransactionTimeout());
            assertTrue(tx.isBindPlainSends());
            assertEquals(Duration.ofDays(2), tx.getRetention());
            assertEquals(Duration.ofMinutes(10), tx.getCleanupInterval());
            assertEquals(Duration.ofSeconds(30), properties.getIdempotency().getLease());
            assertEquals(Duration.ofDays(3), properties.getIdempotency().getRetention());
            OutboxProperties outbox = properties.getOutbox();
            assertEquals(Duration.ofMillis(50), outbox.getPollInterval());
            assertEquals(7, outbox.getBatchSize());
            assertEquals(3, outbox.getMaxAttempts());
            assertEquals(Duration.ofSeconds(2), outbox.getRetryBackoff());
            assertEquals(Duration.ofHours(6), outbox.getRetention());
        });
    }

    @Test
    void outboxModeWritesOutboxRowsAndRunsTheRelayInsteadOfAProducer() {
        runner.withPropertyValues("mq.transaction.mode=OUTBOX").run(context -> {
            assertNull(context.getStartupFailure());
            assertInstanceOf(OutboxTransactionalSender.class, context.getBean(TransactionalSender.class));
            assertTrue(context.getBean(OutboxRelayLifecycle.class).isRunning());
            assertEquals(0, context.getBeanNamesForType(TransactionProducer.class).length);
        });
        runner.withPropertyValues("mq.transaction.mode=outbox", "mq.outbox.relay-enabled=false").run(context -> {
            assertInstanceOf(OutboxTransactionalSender.class, context.getBean(TransactionalSender.class));
            assertEquals(0, context.getBeanNamesForType(OutboxRelayLifecycle.class).length);
        });
    }

    @Test
    void bindPlainSendsOnlyBindsInsideATransaction() {
        runner.withPropertyValues("mq.transaction.bind-plain-sends=true").run(context -> {
            TransactionalSender sender = context.getBean(TransactionalSender.class);
            assertFalse(sender.shouldBind(), "no transaction");
            Boolean inside = context.getBean(TransactionTemplate.class).execute(status -> sender.shouldBind());
            assertTrue(inside);
        });
        runner.run(context -> {
            TransactionalSender sender = context.getBean(TransactionalSender.class);
            Boolean inside = context.getBean(TransactionTemplate.class).execute(status -> sender.shouldBind());
            assertFalse(inside, "off by default");
        });
    }

    @Test
    void definesATransactionManagerWhenTheApplicationHasNone() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(TransactionAutoConfiguration.class,
                        MQAutoConfiguration.class, MQTransactionAutoConfiguration.class))
                .withBean(DataSource.class, db::dataSource).run(context -> {
                    assertNull(context.getStartupFailure());
                    assertInstanceOf(DataSourceTransactionManager.class,
                            context.getBean("mqTransactionManager", PlatformTransactionManager.class));
                    // ordered before Boot's transaction auto-configuration, which therefore enabled @Transactional
                    assertEquals(1, context.getBeanNamesForType(TransactionTemplate.class).length);
                });
    }

    @Test
    void featuresAndSchemaInitializationCanBeSwitchedOff() {
        runner.withPropertyValues("mq.transaction.enabled=false").run(context -> {
            assertEquals(0, context.getBeanNamesForType(TransactionalSender.class).length);
            assertEquals(0, context.getBeanNamesForType(TransactionProducer.class).length);
            assertInstanceOf(MySqlIdempotencyGuard.class, context.getBean(IdempotencyGuard.class));
        });
        runner.withPropertyValues("mq.transaction.enabled=false", "mq.idempotency.enabled=false").run(context -> {
            assertEquals(0, context.getBeanNamesForType(OutboxDatabase.class).length);
            assertEquals(0, context.getBeanNamesForType(OutboxSchemaInitializer.class).length);
        });
        runner.withPropertyValues("mq.enabled=false").run(context ->
                assertEquals(0, context.getBeanNamesForType(OutboxDatabase.class).length));
        TestDatabase empty = EmbeddedDatabase.shared().createDatabase("noschema");
        new ApplicationContextRunner().withConfiguration(TxContexts.autoConfigurations())
                .withPropertyValues(TxContexts.dataSourceProperties(empty))
                .withPropertyValues("mq.transaction.initialize-schema=false").run(context -> {
                    assertNull(context.getStartupFailure());
                    assertEquals(0, context.getBeanNamesForType(OutboxSchemaInitializer.class).length);
                    assertEquals(Set.of(), tables(context.getBean(DataSource.class)));
                });
    }

    @Test
    void applicationBeansReplaceTheStartersOwn() {
        runner.withUserConfiguration(OwnBeans.class).run(context -> {
            assertSame(OwnBeans.SENDER, context.getBean(TransactionalSender.class));
            assertSame(OwnBeans.GUARD, context.getBean(IdempotencyGuard.class));
        });
    }

    private static MessageExt half(String transactionId, String key, long bornTimestamp) {
        return new MessageExt("orders", 0, 0, transactionId, "offset-" + transactionId, null, List.of(key), Map.of(),
                new byte[0], bornTimestamp, bornTimestamp, 0, "127.0.0.1:1", 0);
    }

    private static Set<String> tables(DataSource dataSource) {
        return new TreeSet<>(new JdbcTemplate(dataSource).queryForList(
                "SELECT LOWER(table_name) FROM information_schema.tables WHERE table_schema = DATABASE()",
                String.class));
    }

    @Configuration(proxyBeanMethods = false)
    static class OrdersChecker {
        @Bean
        MQTransactionChecker ordersChecker() {
            return half -> half.keys().contains("order-known") ? LocalTransactionState.COMMIT_MESSAGE : null;
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnBeans {
        static final TransactionalSender SENDER = (Message message, String hashKey) -> (SendResult) null;
        static final IdempotencyGuard GUARD = (group, key, transactional, handler) -> IdempotencyGuard.Outcome.DUPLICATE;

        @Bean
        TransactionalSender ownSender() {
            return SENDER;
        }

        @Bean
        IdempotencyGuard ownGuard() {
            return GUARD;
        }
    }
}
