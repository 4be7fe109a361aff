package io.ternmq.outbox;

import io.ternmq.outbox.idempotency.IdempotencyMapper;
import io.ternmq.outbox.relay.OutboxMapper;
import io.ternmq.outbox.txlog.TxLogMapper;
import org.apache.ibatis.session.Configuration;

import java.util.List;

/** The MyBatis mappers of tx-outbox, for an application that builds its own MyBatis {@link Configuration}. */
public final class OutboxMappers {
    /** Every mapper interface of tx-outbox. */
    static final List<Class<?>> ALL = List.of(TxLogMapper.class, IdempotencyMapper.class, OutboxMapper.class);

    private OutboxMappers() {
    }

    /**
     * Registers every tx-outbox mapper (transaction log, idempotency, outbox) with {@code configuration}; mappers
     * registered already are left as they are, so calling it twice is harmless. The mappers need no configuration
     * settings of their own (results are mapped by constructor, selects bypass the session cache).
     */
    public static void addTo(Configuration configuration) {
        for (Class<?> mapper : ALL) {
            if (!configuration.hasMapper(mapper)) {
                configuration.addMapper(mapper);
            }
        }
    }
}
