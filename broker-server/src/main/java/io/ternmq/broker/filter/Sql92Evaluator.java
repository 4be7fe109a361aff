package io.ternmq.broker.filter;

import java.util.Locale;
import java.util.Map;

/**
 * Evaluates a {@link Condition} against one message's properties with SQL's three-valued logic.
 *
 * <p>Type rules, which the literal on the other side of a comparison decides:
 * <ul>
 *   <li>A missing property (absent or mapped to null) makes any comparison, BETWEEN or IN UNKNOWN.</li>
 *   <li>Against a number, a property is read with {@link DecimalText}; if it is not a number the
 *       comparison is FALSE (so {@code NOT (a > 1)} is TRUE), as in RocketMQ. Two integers compare as longs,
 *       anything else as doubles.</li>
 *   <li>Against a boolean, a property must read {@code true}/{@code false} in any case, else FALSE.</li>
 *   <li>Otherwise both sides are strings and compare by {@link String#compareTo} (UTF-16 order), also
 *       when both sides are properties that happen to hold numbers.</li>
 * </ul>
 * Never throws: every input a {@link Sql92Parser} produced is evaluated for every map.
 * Stateless and thread-safe.
 */
final class Sql92Evaluator {

    private Sql92Evaluator() {
    }

    static Truth evaluate(Condition condition, Map<String, String> properties) {
        if (condition instanceof Condition.Compare c) {
            return compare(c.left(), c.operator(), c.right(), properties);
        }
        if (condition instanceof Condition.And and) {
            Truth result = Truth.TRUE;
            for (Condition term : and.terms()) {
                result = result.and(evaluate(term, properties));
                if (result == Truth.FALSE) {
                    return result;
                }
            }
            return result;
        }
        if (condition instanceof Condition.Or or) {
            Truth result = Truth.FALSE;
            for (Condition term : or.terms()) {
                result = result.or(evaluate(term, properties));
                if (result == Truth.TRUE) {
                    return result;
                }
            }
            return result;
        }
        if (condition instanceof Condition.Not not) {
            return evaluate(not.operand(), properties).not();
        }
        if (condition instanceof Condition.Between b) {
            Truth inRange = compare(b.value(), ComparisonOperator.GE, b.low(), properties)
                    .and(compare(b.value(), ComparisonOperator.LE, b.high(), properties));
            return b.negated() ? inRange.not() : inRange;
        }
        if (condition instanceof Condition.In in) {
            Truth found = in(in, properties);
            return in.negated() ? found.not() : found;
        }
        if (condition instanceof Condition.IsNull isNull) {
            boolean missing = resolve(isNull.value(), properties) == null;
            return Truth.of(missing != isNull.negated());
        }
        if (condition instanceof Condition.Constant constant) {
            return Truth.of(constant.value());
        }
        throw new AssertionError("unhandled condition " + condition);
    }

    private static Truth in(Condition.In in, Map<String, String> properties) {
        if (resolve(in.value(), properties) == null) {
            return Truth.UNKNOWN;
        }
        for (Operand candidate : in.candidates()) {
            if (compare(in.value(), ComparisonOperator.EQ, candidate, properties) == Truth.TRUE) {
                return Truth.TRUE;
            }
        }
        return Truth.FALSE;
    }

    static Truth compare(Operand left, ComparisonOperator operator, Operand right, Map<String, String> properties) {
        Object l = resolve(left, properties);
        Object r = resolve(right, properties);
        if (l == null || r == null) {
            return Truth.UNKNOWN;
        }
        if (left instanceof Operand.NumberLiteral || right instanceof Operand.NumberLiteral) {
            Number ln = asNumber(l);
            Number rn = asNumber(r);
            return ln == null || rn == null ? Truth.FALSE : Truth.of(operator.holds(compareNumbers(ln, rn)));
        }
        if (left instanceof Operand.BooleanLiteral || right instanceof Operand.BooleanLiteral) {
            Boolean lb = asBoolean(l);
            Boolean rb = asBoolean(r);
            return lb == null || rb == null ? Truth.FALSE : Truth.of(operator.holds(Boolean.compare(lb, rb)));
        }
        return Truth.of(operator.holds(((String) l).compareTo((String) r)));
    }

    /** A literal's value, a property's string, or null for a missing property. */
    private static Object resolve(Operand operand, Map<String, String> properties) {
        if (operand instanceof Operand.Property p) {
            return properties.get(p.name());
        }
        if (operand instanceof Operand.NumberLiteral n) {
            return n.value();
        }
        if (operand instanceof Operand.StringLiteral s) {
            return s.value();
        }
        return ((Operand.BooleanLiteral) operand).value();
    }

    private static Number asNumber(Object value) {
        return value instanceof String s ? DecimalText.parse(s) : (Number) value;
    }

    private static Boolean asBoolean(Object value) {
        if (value instanceof Boolean b) {
            return b;
        }
        String text = ((String) value).toLowerCase(Locale.ROOT);
        return text.equals("true") ? Boolean.TRUE : text.equals("false") ? Boolean.FALSE : null;
    }

    /** Primitive double comparison on purpose: -0.0 equals 0.0; NaN cannot occur (DecimalText rejects it). */
    private static int compareNumbers(Number l, Number r) {
        if (l instanceof Long a && r instanceof Long b) {
            return Long.compare(a, b);
        }
        double a = l.doubleValue();
        double b = r.doubleValue();
        return a < b ? -1 : a > b ? 1 : 0;
    }
}
