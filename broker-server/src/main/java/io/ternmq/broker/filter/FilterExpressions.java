package io.ternmq.broker.filter;

import java.util.Objects;

/**
 * Entry point: compiles subscription expressions into {@link CompiledFilter}s.
 *
 * <p>Compilation is the expensive, fallible step and happens once per subscription change; the result is
 * cached by the caller and evaluated per message. Both languages share the same hostile-input limits so a
 * client cannot make the broker spend unbounded memory or stack on one subscription.
 */
public final class FilterExpressions {

    /** Longest expression accepted, in UTF-16 chars. */
    public static final int MAX_EXPRESSION_LENGTH = 4096;

    /** Deepest nesting of parentheses and {@code NOT}s accepted in a SQL92 expression. */
    public static final int MAX_NESTING_DEPTH = 64;

    /** The property under which a message carries its tag, as in RocketMQ. */
    public static final String TAGS_PROPERTY = "TAGS";

    private FilterExpressions() {
    }

    /**
     * Compiles {@code expression} written in {@code type}.
     *
     * @throws FilterSyntaxException if the expression is malformed or exceeds the limits above
     */
    public static CompiledFilter compile(ExpressionType type, String expression) throws FilterSyntaxException {
        Objects.requireNonNull(type, "type");
        checkLength(expression);
        return switch (type) {
            case TAG -> new TagFilter(expression, TagExpressionParser.parse(expression));
            case SQL92 -> new Sql92Filter(expression, Sql92Parser.parse(expression));
        };
    }

    static void checkLength(String expression) throws FilterSyntaxException {
        if (expression != null && expression.length() > MAX_EXPRESSION_LENGTH) {
            throw new FilterSyntaxException(expression, MAX_EXPRESSION_LENGTH,
                    "at most " + MAX_EXPRESSION_LENGTH + " characters",
                    expression.length() + " characters");
        }
    }
}
