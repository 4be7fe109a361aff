package io.ternmq.outbox;

import org.apache.ibatis.session.Configuration;

/** The MyBatis mappers of tx-outbox, for an application that builds its own MyBatis {@link Configuration}. */
public final class OutboxMappers {
    private OutboxMappers() {
    }

    /** Registers every tx-outbox mapper (transaction log, idempotency, outbox) with {@code configuration}. */
    public static void addTo(Configuration configuration) {
        throw new UnsupportedOperationException("TODO");
    }
}
