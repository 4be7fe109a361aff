package io.ternmq.broker.filter;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a SQL92 filter expression into {@link Token}s, ending with one {@link TokenKind#END} token.
 *
 * <p>Hand-written rather than generated so that every failure names its column and the broker needs no
 * parser-generator runtime. A '-' directly followed by a digit starts a negative number: the grammar has no
 * arithmetic, so there is no binary minus to confuse it with.
 */
final class Sql92Lexer {

    private final String text;
    private final List<Token> tokens = new ArrayList<>();
    private int pos;

    private Sql92Lexer(String text) {
        this.text = text;
    }

    static List<Token> tokenize(String text) throws FilterSyntaxException {
        Sql92Lexer lexer = new Sql92Lexer(text);
        lexer.run();
        return lexer.tokens;
    }

    private void run() throws FilterSyntaxException {
        while (true) {
            while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
                pos++;
            }
            if (pos == text.length()) {
                tokens.add(new Token(TokenKind.END, "", pos, null));
                return;
            }
            char c = text.charAt(pos);
            if (isIdentifierStart(c)) {
                identifierOrKeyword();
            } else if (isDigit(c) || c == '-') {
                number();
            } else if (c == '\'') {
                string();
            } else {
                punctuation(c);
            }
        }
    }

    private void identifierOrKeyword() {
        int start = pos;
        while (pos < text.length() && isIdentifierPart(text.charAt(pos))) {
            pos++;
        }
        String word = text.substring(start, pos);
        tokens.add(new Token(TokenKind.keywordOrIdentifier(word), word, start, null));
    }

    private void number() throws FilterSyntaxException {
        int start = pos;
        int end = DecimalText.scan(text, start);
        if (end == start) {
            // only a lone '-' gets here: the scan accepts any digit
            throw error(start + 1, "a digit after '-'", describeCharAt(start + 1));
        }
        if (end < text.length() && isIdentifierPart(text.charAt(end))) {
            // "1.2.3", "12abc", "1e": report the whole run so the client sees what was taken as one literal
            int runEnd = end;
            while (runEnd < text.length() && isIdentifierPart(text.charAt(runEnd))) {
                runEnd++;
            }
            throw error(start, "a number", "malformed number '" + Token.abbreviate(text.substring(start, runEnd)) + "'");
        }
        String literal = text.substring(start, end);
        Number value = DecimalText.valueOf(literal);
        if (value instanceof Double d && d.isInfinite()) {
            throw error(start, "a number within the double range", "'" + Token.abbreviate(literal) + "'");
        }
        pos = end;
        tokens.add(new Token(TokenKind.NUMBER, literal, start, value));
    }

    private void string() throws FilterSyntaxException {
        int start = pos;
        StringBuilder value = new StringBuilder();
        int i = start + 1;
        while (true) {
            if (i >= text.length()) {
                throw error(start, "a closing quote for the string starting here", "end of input");
            }
            char c = text.charAt(i);
            if (c == '\'') {
                if (i + 1 < text.length() && text.charAt(i + 1) == '\'') {
                    value.append('\'');
                    i += 2;
                    continue;
                }
                break;
            }
            value.append(c);
            i++;
        }
        pos = i + 1;
        tokens.add(new Token(TokenKind.STRING, text.substring(start, pos), start, value.toString()));
    }

    private void punctuation(char c) throws FilterSyntaxException {
        int start = pos;
        char next = pos + 1 < text.length() ? text.charAt(pos + 1) : '\0';
        TokenKind kind;
        int length = 1;
        switch (c) {
            case '(' -> kind = TokenKind.LEFT_PAREN;
            case ')' -> kind = TokenKind.RIGHT_PAREN;
            case ',' -> kind = TokenKind.COMMA;
            case '=' -> kind = TokenKind.EQ;
            case '<' -> {
                if (next == '>') {
                    kind = TokenKind.NE;
                    length = 2;
                } else if (next == '=') {
                    kind = TokenKind.LE;
                    length = 2;
                } else {
                    kind = TokenKind.LT;
                }
            }
            case '>' -> {
                if (next == '=') {
                    kind = TokenKind.GE;
                    length = 2;
                } else {
                    kind = TokenKind.GT;
                }
            }
            case '!' -> throw error(start, next == '=' ? "'<>' (SQL's not-equals)" : "a token",
                    next == '=' ? "'!='" : "'!'");
            case '"' -> throw error(start, "a string in single quotes", "'\"'");
            default -> throw error(start, "a token", describeCharAt(start));
        }
        pos += length;
        tokens.add(new Token(kind, text.substring(start, pos), start, null));
    }

    private String describeCharAt(int index) {
        if (index >= text.length()) {
            return "end of input";
        }
        char c = text.charAt(index);
        if (Character.isWhitespace(c)) {
            return "whitespace";
        }
        if (Character.isISOControl(c) || Character.isSurrogate(c) || !Character.isDefined(c)) {
            return String.format("character U+%04X", (int) c);
        }
        return "'" + c + "'";
    }

    private FilterSyntaxException error(int offset, String expected, String found) {
        return new FilterSyntaxException(text, offset, expected, found);
    }

    /** Identifiers start with a letter or '_' so that a leading digit or '-' always means a number. */
    private static boolean isIdentifierStart(char c) {
        return Character.isLetter(c) || c == '_';
    }

    private static boolean isIdentifierPart(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '.';
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
