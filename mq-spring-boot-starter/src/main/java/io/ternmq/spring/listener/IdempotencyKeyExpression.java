package io.ternmq.spring.listener;

import io.ternmq.client.consumer.MessageExt;
import org.springframework.expression.EvaluationContext;
import org.springframework.expression.EvaluationException;
import org.springframework.expression.Expression;
import org.springframework.expression.ParseException;
import org.springframework.expression.spel.standard.SpelExpressionParser;
import org.springframework.expression.spel.support.SimpleEvaluationContext;

import java.util.Map;

/**
 * The {@code idempotencyKey} of an {@code @MQListener}: a SpEL expression evaluated per message. The convention:
 * the variables {@code #payload} (the converted payload, or the body as a UTF-8 string when the method takes no
 * payload), {@code #headers} (the message's headers by name, see {@code MQHeaders}) and {@code #message} (the raw
 * {@code MessageExt}); the same three are properties of the root object, so {@code payload.orderId} works too.
 * Properties and record components are read, instance methods may be called; types, beans and assignments are
 * not available. The result is turned into a string.
 *
 * <p>Thread-safe: the parsed expression is immutable and each evaluation has its own context.
 */
final class IdempotencyKeyExpression {
    private static final SpelExpressionParser PARSER = new SpelExpressionParser();

    /** The root object of an evaluation. */
    record Root(Object payload, Map<String, Object> headers, MessageExt message) {
    }

    private final Expression expression;
    private final String source;

    private IdempotencyKeyExpression(Expression expression, String source) {
        this.expression = expression;
        this.source = source;
    }

    /**
     * @param source the annotated method, for error messages
     * @throws IllegalStateException naming the method when the expression does not parse
     */
    static IdempotencyKeyExpression parse(String text, String source) {
        try {
            return new IdempotencyKeyExpression(PARSER.parseExpression(text), source);
        } catch (ParseException e) {
            throw new IllegalStateException("@MQListener on " + source + ": idempotencyKey '" + text
                    + "' is not a valid SpEL expression (" + e.getSimpleMessage() + "); use #payload, #headers or "
                    + "#message, e.g. #payload.orderId or #headers['mq_keys']", e);
        }
    }

    /** The message's key; never null or empty. @throws IdempotencyKeyException when there is none */
    String evaluate(Object payload, Map<String, Object> headers, MessageExt message) {
        EvaluationContext context = SimpleEvaluationContext.forReadOnlyDataBinding().withInstanceMethods()
                .withRootObject(new Root(payload, headers, message)).build();
        context.setVariable("payload", payload);
        context.setVariable("headers", headers);
        context.setVariable("message", message);
        Object key;
        try {
            key = expression.getValue(context);
        } catch (EvaluationException e) {
            throw new IdempotencyKeyException("idempotencyKey '" + expression.getExpressionString() + "' of "
                    + source + " failed on " + message + ": " + e.getMessage(), e);
        }
        if (key == null || key.toString().isEmpty()) {
            throw new IdempotencyKeyException("idempotencyKey '" + expression.getExpressionString() + "' of "
                    + source + " gave " + (key == null ? "null" : "an empty key") + " for " + message, null);
        }
        return key.toString();
    }
}
