package io.ternmq.spring.autoconfigure;

import io.ternmq.client.ClientConfig;
import io.ternmq.client.producer.Producer;
import io.ternmq.client.producer.TransactionProducer;
import io.ternmq.outbox.OutboxDatabase;
import io.ternmq.outbox.idempotency.IdempotencyStore;
import io.ternmq.outbox.relay.OutboxRelay;
import io.ternmq.outbox.relay.OutboxWriter;
import io.ternmq.outbox.txlog.TransactionLog;
import io.ternmq.outbox.txlog.TransactionLogChecker;
import io.ternmq.spring.core.ClientConfigs;
import io.ternmq.spring.idempotency.IdempotencyGuard;
import io.ternmq.spring.idempotency.MySqlIdempotencyGuard;
import io.ternmq.spring.outbox.OutboxRelayLifecycle;
import io.ternmq.spring.outbox.OutboxSchemaInitializer;
import io.ternmq.spring.outbox.OutboxTransactionalSender;
import io.ternmq.spring.outbox.ScheduledPurge;
import io.ternmq.spring.outbox.SpringOutboxDatabase;
import io.ternmq.spring.transaction.HalfMessageTransactionalSender;
import io.ternmq.spring.transaction.MQTransactionChecker;
import io.ternmq.spring.transaction.TransactionCheckBack;
import io.ternmq.spring.transaction.TransactionMode;
import io.ternmq.spring.transaction.TransactionalSender;
import org.mybatis.spring.SqlSessionTemplate;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.time.Clock;

/**
 * The MySQL side: tx-outbox schema, transactional messages with check-back, business-key idempotency, the outbox
 * relay. Active when the application has one DataSource and {@code mq.transaction.enabled} or
 * {@code mq.idempotency.enabled} is on (both are by default).
 *
 * <p>Runs after Boot's DataSource and DataSource-transaction-manager auto-configurations, so the application's
 * transaction manager is used; when there is none, a {@link DataSourceTransactionManager} is defined here, before
 * Boot's transaction auto-configuration, which then enables {@code @Transactional} on it. No MyBatis bean
 * ({@code SqlSessionFactory}, {@code SqlSessionTemplate}) is defined: the application's own MyBatis setup stays its
 * own.
 */
@AutoConfiguration(after = MQAutoConfiguration.class,
        afterName = {"org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
                "org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration"},
        beforeName = "org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration")
@ConditionalOnClass({DataSourceTransactionManager.class, SqlSessionTemplate.class})
@ConditionalOnBooleanProperty(name = "mq.enabled", matchIfMissing = true)
@ConditionalOnSingleCandidate(DataSource.class)
@Conditional(OnMySqlFeatureCondition.class)
@EnableConfigurationProperties(MQProperties.class)
public class MQTransactionAutoConfiguration {

    /** Only when the application has no transaction manager (for example without spring-boot-jdbc). */
    @Bean
    @ConditionalOnMissingBean(PlatformTransactionManager.class)
    DataSourceTransactionManager mqTransactionManager(DataSource dataSource) {
        return new DataSourceTransactionManager(dataSource);
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBooleanProperty(name = "mq.transaction.initialize-schema", matchIfMissing = true)
    OutboxSchemaInitializer mqOutboxSchemaInitializer(DataSource dataSource) {
        return new OutboxSchemaInitializer(dataSource);
    }

    @Bean
    @ConditionalOnMissingBean
    OutboxDatabase mqOutboxDatabase(DataSource dataSource, ObjectProvider<PlatformTransactionManager> managers,
                                    ObjectProvider<OutboxSchemaInitializer> schema) {
        schema.getIfAvailable(); // resolved first, so the migrations ran before any tx-outbox bean can use the tables
        PlatformTransactionManager manager = managers.getIfUnique();
        if (manager == null) {
            throw new IllegalStateException("tx-outbox needs one PlatformTransactionManager for its DataSource, but "
                    + "there are several and none is @Primary: define an OutboxDatabase bean, e.g. "
                    + "new SpringOutboxDatabase(dataSource, theRightTransactionManager)");
        }
        return new SpringOutboxDatabase(dataSource, manager);
    }

    /** A copy of the application's client settings with an id of its own (one client id must be in one role only). */
    static ClientConfig clientConfig(ObjectProvider<ClientConfig> configs, MQProperties properties, String role) {
        ClientConfig base = configs.getIfAvailable(() -> { // only without MQAutoConfiguration
            ClientConfig.Builder builder = ClientConfig.builder().brokerAddress(properties.getBrokerAddress());
            if (properties.getClientId() != null) {
                builder.clientId(properties.getClientId());
            }
            return builder.build();
        });
        return ClientConfigs.forRole(base, role);
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnBooleanProperty(name = "mq.transaction.enabled", matchIfMissing = true)
    static class TransactionalMessagesConfiguration {

        @Bean
        @ConditionalOnMissingBean
        TransactionLog mqTransactionLog(OutboxDatabase db) {
            return new TransactionLog(db, Clock.systemUTC());
        }

        @Bean
        @ConditionalOnMissingBean(name = "mqTransactionLogPurge")
        ScheduledPurge mqTransactionLogPurge(TransactionLog log, MQProperties properties) {
            TransactionProperties tx = properties.getTransaction();
            return new ScheduledPurge("mq_tx_log", log::purgeOlderThan, tx.getRetention(), tx.getCleanupInterval(),
                    Clock.systemUTC());
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnBooleanProperty(name = "mq.transaction.enabled", matchIfMissing = true)
    @ConditionalOnTransactionMode(TransactionMode.HALF_MESSAGE)
    static class HalfMessageConfiguration {

        @Bean
        @ConditionalOnMissingBean
        TransactionCheckBack mqTransactionCheckBack(ObjectProvider<MQTransactionChecker> checker, TransactionLog log,
                                                    MQProperties properties) {
            return new TransactionCheckBack(checker, new TransactionLogChecker(log,
                    properties.getTransaction().getLocalTransactionTimeout(), Clock.systemUTC()));
        }

        /**
         * Started when created, so beans may send in a transaction while the context starts; closed when the context
         * destroys its beans, after the listener containers stopped.
         */
        @Bean(destroyMethod = "close")
        @ConditionalOnMissingBean
        TransactionProducer mqTransactionProducer(TransactionCheckBack checkBack, ObjectProvider<ClientConfig> configs,
                                                  MQProperties properties) {
            TransactionProducer producer = TransactionProducer.builder()
                    .clientConfig(clientConfig(configs, properties, "tx"))
                    .producerGroup(properties.getTransaction().getProducerGroup())
                    .sendTimeout(properties.getProducer().getSendTimeout())
                    .transactionListener(checkBack).build();
            producer.start();
            return producer;
        }

        @Bean
        @ConditionalOnMissingBean
        TransactionalSender mqTransactionalSender(TransactionProducer producer, TransactionLog log,
                                                  MQProperties properties) {
            return new HalfMessageTransactionalSender(producer, log, properties.getTransaction().isBindPlainSends());
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnBooleanProperty(name = "mq.transaction.enabled", matchIfMissing = true)
    @ConditionalOnTransactionMode(TransactionMode.OUTBOX)
    static class OutboxConfiguration {

        @Bean
        @ConditionalOnMissingBean
        OutboxWriter mqOutboxWriter(OutboxDatabase db) {
            return new OutboxWriter(db, Clock.systemUTC());
        }

        @Bean
        @ConditionalOnMissingBean
        TransactionalSender mqTransactionalSender(OutboxWriter writer, MQProperties properties) {
            return new OutboxTransactionalSender(writer, properties.getTransaction().isBindPlainSends());
        }

        /** Sends with the application's {@code mqProducer} when there is one, else with a producer of its own. */
        @Bean
        @ConditionalOnMissingBean
        @ConditionalOnBooleanProperty(name = "mq.outbox.relay-enabled", matchIfMissing = true)
        OutboxRelayLifecycle mqOutboxRelay(OutboxDatabase db, @Qualifier("mqProducer") ObjectProvider<Producer> shared,
                                           ObjectProvider<ClientConfig> configs, MQProperties properties) {
            Producer producer = shared.getIfAvailable();
            Producer own = null;
            if (producer == null) {
                own = Producer.builder().clientConfig(clientConfig(configs, properties, "outbox"))
                        .producerGroup(properties.getProducer().getGroup())
                        .sendTimeout(properties.getProducer().getSendTimeout())
                        .retryTimesWhenSendFailed(properties.getProducer().getRetryTimesWhenSendFailed()).build();
                producer = own;
            }
            OutboxProperties outbox = properties.getOutbox();
            OutboxRelay relay = OutboxRelay.builder().database(db).producer(producer).clock(Clock.systemUTC())
                    .pollInterval(outbox.getPollInterval()).batchSize(outbox.getBatchSize())
                    .maxAttempts(outbox.getMaxAttempts()).retryBackoff(outbox.getRetryBackoff())
                    .retention(outbox.getRetention()).build();
            return new OutboxRelayLifecycle(relay, own);
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnBooleanProperty(name = "mq.idempotency.enabled", matchIfMissing = true)
    static class IdempotencyConfiguration {

        @Bean
        @ConditionalOnMissingBean
        IdempotencyStore mqIdempotencyStore(OutboxDatabase db) {
            return new IdempotencyStore(db, Clock.systemUTC());
        }

        @Bean
        @ConditionalOnMissingBean(IdempotencyGuard.class)
        MySqlIdempotencyGuard mqIdempotencyGuard(IdempotencyStore store,
                                                 ObjectProvider<PlatformTransactionManager> managers,
                                                 MQProperties properties) {
            PlatformTransactionManager manager = managers.getIfUnique();
            if (manager == null) {
                throw new IllegalStateException("idempotency needs one PlatformTransactionManager, but there are "
                        + "several and none is @Primary: define an IdempotencyGuard bean, e.g. new "
                        + "MySqlIdempotencyGuard(store, new TransactionTemplate(theRightTransactionManager), lease)");
            }
            return new MySqlIdempotencyGuard(store, new TransactionTemplate(manager),
                    properties.getIdempotency().getLease());
        }

        @Bean
        @ConditionalOnMissingBean(name = "mqIdempotencyPurge")
        ScheduledPurge mqIdempotencyPurge(IdempotencyStore store, MQProperties properties) {
            return new ScheduledPurge("mq_idempotency", store::purgeOlderThan,
                    properties.getIdempotency().getRetention(), properties.getTransaction().getCleanupInterval(),
                    Clock.systemUTC());
        }
    }
}
