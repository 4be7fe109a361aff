package io.ternmq.spring.autoconfigure;

import io.ternmq.spring.transaction.TransactionMode;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** Backs {@link ConditionalOnTransactionMode}. */
final class OnTransactionModeCondition extends SpringBootCondition {
    static final String PROPERTY = "mq.transaction.mode";

    @Override
    public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
        TransactionMode wanted = (TransactionMode) metadata
                .getAnnotationAttributes(ConditionalOnTransactionMode.class.getName()).get("value");
        TransactionMode actual = Binder.get(context.getEnvironment()).bind(PROPERTY, TransactionMode.class)
                .orElse(TransactionMode.HALF_MESSAGE);
        String message = PROPERTY + " is " + actual;
        return actual == wanted ? ConditionOutcome.match(message) : ConditionOutcome.noMatch(message);
    }
}
