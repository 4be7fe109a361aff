package io.ternmq.broker.filter;

import java.util.List;

/**
 * Immutable AST of a SQL92 filter: the boolean part of the language. Evaluated by {@link Sql92Evaluator}.
 *
 * <p>{@code AND} and {@code OR} are n-ary so that a long flat chain ({@code a=1 OR a=2 OR ...}) is a wide
 * node, not a deep one: tree depth is bounded by the parser's nesting limit alone.
 */
sealed interface Condition {

    /** All terms must hold. */
    record And(List<Condition> terms) implements Condition {
        public And {
            terms = List.copyOf(terms);
        }
    }

    /** At least one term must hold. */
    record Or(List<Condition> terms) implements Condition {
        public Or {
            terms = List.copyOf(terms);
        }
    }

    /** Three-valued negation: NOT UNKNOWN is UNKNOWN. */
    record Not(Condition operand) implements Condition {
    }

    /** {@code left op right}. */
    record Compare(Operand left, ComparisonOperator operator, Operand right) implements Condition {
    }

    /** {@code value [NOT] BETWEEN low AND high}, bounds inclusive. */
    record Between(Operand value, Operand low, Operand high, boolean negated) implements Condition {
    }

    /** {@code value [NOT] IN (candidates)}; the list is never empty. */
    record In(Operand value, List<Operand> candidates, boolean negated) implements Condition {
        public In {
            candidates = List.copyOf(candidates);
        }
    }

    /** {@code value IS [NOT] NULL}: the only test that is never UNKNOWN. */
    record IsNull(Operand value, boolean negated) implements Condition {
    }

    /** {@code TRUE} or {@code FALSE} on its own. */
    record Constant(boolean value) implements Condition {
    }
}
