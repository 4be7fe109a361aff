package io.ternmq.sample.order.embeddeddb;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** Matches when {@code spring.datasource.url} is not set (or blank). */
class NoDataSourceUrlCondition extends SpringBootCondition {
    @Override
    public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
        String url = context.getEnvironment().getProperty("spring.datasource.url");
        return url == null || url.isBlank()
                ? ConditionOutcome.match("no spring.datasource.url")
                : ConditionOutcome.noMatch("spring.datasource.url is " + url);
    }
}
