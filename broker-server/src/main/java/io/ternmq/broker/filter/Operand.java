package io.ternmq.broker.filter;

/**
 * Immutable AST of a SQL92 filter: the values that conditions compare. A property is looked up per message
 * and is always a string (or missing); literals carry a static type that decides how the comparison reads
 * the property (see {@link Sql92Evaluator}).
 */
sealed interface Operand {

    /** A message property, by its (case-sensitive) name. */
    record Property(String name) implements Operand {
    }

    /** A numeric literal: a {@code Long} when written as an integer that fits, else a {@code Double}. */
    record NumberLiteral(Number value) implements Operand {
    }

    /** A single-quoted string literal, with {@code ''} already decoded to {@code '}. */
    record StringLiteral(String value) implements Operand {
    }

    /** {@code TRUE} or {@code FALSE} used as a value, as in {@code flag = TRUE}. */
    record BooleanLiteral(boolean value) implements Operand {
    }
}
