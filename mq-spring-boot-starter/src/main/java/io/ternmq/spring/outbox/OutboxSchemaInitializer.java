package io.ternmq.spring.outbox;

import io.ternmq.outbox.schema.SchemaMigrator;
import org.springframework.beans.factory.InitializingBean;

import javax.sql.DataSource;

/**
 * Brings the tx-outbox tables (transaction log, idempotency keys, outbox) up to date when the context starts
 * ({@code mq.transaction.initialize-schema}, on by default). Safe with several instances starting at once; turn it
 * off when the schema is managed by Flyway/Liquibase or a DBA (the migrations are in tx-outbox's
 * {@code io/ternmq/outbox/schema}).
 */
public final class OutboxSchemaInitializer implements InitializingBean {
    private static final System.Logger LOG = System.getLogger(OutboxSchemaInitializer.class.getName());

    private final DataSource dataSource;
    private volatile int applied = -1;

    public OutboxSchemaInitializer(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public void afterPropertiesSet() {
        applied = SchemaMigrator.migrate(dataSource);
        if (applied > 0) {
            LOG.log(System.Logger.Level.INFO, "applied {0} tx-outbox schema migration(s)", applied);
        }
    }

    /** How many migrations ran at startup (0 when the schema was current), or -1 before startup. */
    public int appliedMigrations() {
        return applied;
    }
}
