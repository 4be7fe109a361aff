package io.ternmq.broker.filter;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns {@code "TagA || TagB"} into a {@link TagExpression}.
 *
 * <p>Stricter than RocketMQ, which silently drops empty alternatives: an empty part ({@code "A || || B"},
 * a leading or trailing {@code ||}) is almost always a client bug, so it is rejected with its position.
 * Surrounding whitespace is trimmed; a tag itself may contain any character except whitespace and
 * {@code |}, and may not be {@code *} unless {@code *} is the whole expression.
 */
final class TagExpressionParser {

    private static final String SEPARATOR = "||";

    private TagExpressionParser() {
    }

    static TagExpression parse(String expression) throws FilterSyntaxException {
        if (expression == null || expression.isBlank() || expression.strip().equals("*")) {
            return TagExpression.all();
        }
        List<String> tags = new ArrayList<>();
        int start = 0;
        while (true) {
            int separator = expression.indexOf(SEPARATOR, start);
            int end = separator < 0 ? expression.length() : separator;
            tags.add(tagBetween(expression, start, end, separator));
            if (separator < 0) {
                return TagExpression.of(tags);
            }
            start = separator + SEPARATOR.length();
        }
    }

    /** The trimmed tag in {@code [start, end)}, validated; {@code separator} is where the next "||" is, or -1. */
    private static String tagBetween(String expression, int start, int end, int separator)
            throws FilterSyntaxException {
        int first = start;
        while (first < end && Character.isWhitespace(expression.charAt(first))) {
            first++;
        }
        int last = end;
        while (last > first && Character.isWhitespace(expression.charAt(last - 1))) {
            last--;
        }
        if (first == last) {
            throw new FilterSyntaxException(expression, end, "a tag",
                    separator < 0 ? "end of input" : "'||'");
        }
        for (int i = first; i < last; i++) {
            char c = expression.charAt(i);
            if (c == '|') {
                throw new FilterSyntaxException(expression, i, "'||' between tags", "a single '|'");
            }
            if (Character.isWhitespace(c)) {
                int next = i;
                while (Character.isWhitespace(expression.charAt(next))) {
                    next++;
                }
                throw new FilterSyntaxException(expression, next, "'||' between tags",
                        expression.charAt(next) == '|' ? "a single '|'"
                                : "'" + Token.abbreviate(expression.substring(next, last)) + "'");
            }
        }
        String tag = expression.substring(first, last);
        if (tag.equals("*")) {
            throw new FilterSyntaxException(expression, first, "a tag ('*' must be the whole expression)", "'*'");
        }
        return tag;
    }
}
