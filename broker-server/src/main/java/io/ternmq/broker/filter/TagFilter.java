package io.ternmq.broker.filter;

import java.util.Map;

/** {@link CompiledFilter} for {@link ExpressionType#TAG}: the tag is the {@code TAGS} property. */
final class TagFilter implements CompiledFilter {

    private final String expression;
    private final TagExpression tags;

    TagFilter(String expression, TagExpression tags) {
        this.expression = expression;
        this.tags = tags;
    }

    /** The parsed expression, for callers that need the tag set (e.g. to send it back to clients). */
    TagExpression tagExpression() {
        return tags;
    }

    @Override
    public ExpressionType type() {
        return ExpressionType.TAG;
    }

    @Override
    public String expression() {
        return expression;
    }

    @Override
    public boolean matchesTagHash(long tagHash) {
        return tags.matchesHash(tagHash);
    }

    @Override
    public boolean matches(Map<String, String> properties) {
        if (tags.isAll()) {
            return true;
        }
        return properties != null && tags.matchesTag(properties.get(FilterExpressions.TAGS_PROPERTY));
    }

    @Override
    public String toString() {
        return "TAG[" + tags + "]";
    }
}
