package io.ternmq.spring.autoconfigure;

import org.springframework.boot.autoconfigure.condition.AnyNestedCondition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;

/** Matches when transactional messages or idempotency (the features that need tx-outbox's tables) are enabled. */
final class OnMySqlFeatureCondition extends AnyNestedCondition {
    OnMySqlFeatureCondition() {
        super(ConfigurationPhase.PARSE_CONFIGURATION);
    }

    @ConditionalOnBooleanProperty(name = "mq.transaction.enabled", matchIfMissing = true)
    static class TransactionsEnabled {
    }

    @ConditionalOnBooleanProperty(name = "mq.idempotency.enabled", matchIfMissing = true)
    static class IdempotencyEnabled {
    }
}
