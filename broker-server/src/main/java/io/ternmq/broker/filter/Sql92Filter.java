package io.ternmq.broker.filter;

import java.util.Map;

/** {@link CompiledFilter} for {@link ExpressionType#SQL92}: matches when the condition is TRUE. */
final class Sql92Filter implements CompiledFilter {

    private final String expression;
    private final Condition condition;

    Sql92Filter(String expression, Condition condition) {
        this.expression = expression;
        this.condition = condition;
    }

    @Override
    public ExpressionType type() {
        return ExpressionType.SQL92;
    }

    @Override
    public String expression() {
        return expression;
    }

    /** Properties are not in the ConsumeQueue, so the tag hash cannot rule anything out. */
    @Override
    public boolean matchesTagHash(long tagHash) {
        return true;
    }

    @Override
    public boolean matches(Map<String, String> properties) {
        return Sql92Evaluator.evaluate(condition, properties == null ? Map.of() : properties) == Truth.TRUE;
    }

    @Override
    public String toString() {
        return "SQL92[" + expression + "]";
    }
}
