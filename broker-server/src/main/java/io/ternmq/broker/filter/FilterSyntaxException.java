package io.ternmq.broker.filter;

/**
 * A subscription expression that cannot be compiled, with the place where it stops making sense.
 *
 * <p>Checked on purpose: a malformed expression comes from a client, so every caller that compiles one
 * must decide how to answer that client (the broker replies with a "subscription parse failed" code)
 * instead of letting it escape as a server error.
 *
 * <p>The message has three lines: what was expected, the 1-based column and what was found; then the
 * expression (or a window of it, when it is long); then a caret under the column. Control characters in
 * the echoed expression are shown as spaces so the caret stays aligned. Columns count UTF-16 chars.
 * An error at the end of the input has column {@code length + 1}.
 */
public final class FilterSyntaxException extends Exception {

    private static final long serialVersionUID = 1L;

    /** Expressions up to this length are echoed whole; longer ones as a window around the error. */
    private static final int ECHO_WHOLE_UP_TO = 100;
    private static final int WINDOW_HALF = 40;

    private final String expression;
    private final int column;
    private final String expected;
    private final String found;

    /**
     * @param expression the expression as submitted ({@code null} is shown as empty)
     * @param offset     0-based index of the offending character; {@code expression.length()} for end of input
     * @param expected   what the parser wanted at that point, phrased to follow "expected"
     * @param found      what it found instead, phrased to follow "found"
     */
    FilterSyntaxException(String expression, int offset, String expected, String found) {
        super(format(expression == null ? "" : expression, offset, expected, found));
        this.expression = expression == null ? "" : expression;
        this.column = offset + 1;
        this.expected = expected;
        this.found = found;
    }

    /** The expression that failed to compile. */
    public String expression() {
        return expression;
    }

    /** 1-based column of the failure; {@code expression().length() + 1} means "at the end of the input". */
    public int column() {
        return column;
    }

    /** What the parser expected at {@link #column()}, e.g. {@code "')'"}. */
    public String expected() {
        return expected;
    }

    /** What it found instead, e.g. {@code "end of input"}. */
    public String found() {
        return found;
    }

    private static String format(String expression, int offset, String expected, String found) {
        int from = 0;
        int to = expression.length();
        if (expression.length() > ECHO_WHOLE_UP_TO) {
            from = Math.max(0, offset - WINDOW_HALF);
            to = Math.min(expression.length(), offset + WINDOW_HALF);
        }
        StringBuilder echo = new StringBuilder("  ");
        if (from > 0) {
            echo.append("...");
        }
        int caretIndent = echo.length() + (offset - from);
        for (int i = from; i < to; i++) {
            char c = expression.charAt(i);
            echo.append(Character.isISOControl(c) ? ' ' : c);
        }
        if (to < expression.length()) {
            echo.append("...");
        }
        return "expected " + expected + " at column " + (offset + 1) + " but found " + found + "\n"
                + echo + "\n"
                + " ".repeat(caretIndent) + "^";
    }
}
