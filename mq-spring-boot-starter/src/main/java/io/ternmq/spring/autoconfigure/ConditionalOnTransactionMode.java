package io.ternmq.spring.autoconfigure;

import io.ternmq.spring.transaction.TransactionMode;
import org.springframework.context.annotation.Conditional;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Matches when {@code mq.transaction.mode} is {@link #value()}, binding the property like
 * {@code @ConfigurationProperties} does ({@code outbox}, {@code OUTBOX} and {@code half-message} all work); an unset
 * mode is {@link TransactionMode#HALF_MESSAGE}.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Conditional(OnTransactionModeCondition.class)
@interface ConditionalOnTransactionMode {
    TransactionMode value();
}
