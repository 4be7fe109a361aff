package io.ternmq.outbox.schema;

import javax.sql.DataSource;

/**
 * Applies tx-outbox's versioned migrations ({@code io/ternmq/outbox/schema/V<n>__<name>.sql}, MySQL 8 and MariaDB)
 * in order, once each, recording them in {@code mq_schema_history}. Safe to call from several processes at once.
 */
public final class SchemaMigrator {
    private SchemaMigrator() {
    }

    /** Brings the database's tx-outbox tables up to date; returns how many migrations ran. */
    public static int migrate(DataSource dataSource) {
        throw new UnsupportedOperationException("TODO");
    }
}
