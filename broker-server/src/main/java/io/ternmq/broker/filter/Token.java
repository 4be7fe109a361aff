package io.ternmq.broker.filter;

/**
 * One lexical token.
 *
 * @param kind   what it is
 * @param text   its source text (a string literal's text still has its quotes and doubled quotes)
 * @param offset 0-based index of its first char in the expression, which error messages turn into a column
 * @param value  the decoded value of a literal ({@code Long}, {@code Double} or {@code String}), else null
 */
record Token(TokenKind kind, String text, int offset, Object value) {

    private static final int MAX_SHOWN = 24;

    /** How this token reads after "but found" in an error message. */
    String describe() {
        return switch (kind) {
            case END -> "end of input";
            case IDENTIFIER -> "identifier '" + abbreviate(text) + "'";
            case NUMBER -> "number " + abbreviate(text);
            case STRING -> "string " + abbreviate(text);
            case AND, OR, NOT, BETWEEN, IN, IS, NULL, TRUE, FALSE -> text.toUpperCase(java.util.Locale.ROOT);
            default -> "'" + text + "'";
        };
    }

    /** Keeps error messages readable when the offending text is huge. */
    static String abbreviate(String text) {
        return text.length() <= MAX_SHOWN ? text : text.substring(0, MAX_SHOWN) + "...";
    }
}
