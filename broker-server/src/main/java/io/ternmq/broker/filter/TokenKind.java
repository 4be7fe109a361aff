package io.ternmq.broker.filter;

import java.util.Locale;
import java.util.Map;

/** The kinds of token a SQL92 filter expression is made of. */
enum TokenKind {
    IDENTIFIER, NUMBER, STRING,
    AND, OR, NOT, BETWEEN, IN, IS, NULL, TRUE, FALSE,
    EQ, NE, LT, LE, GT, GE,
    LEFT_PAREN, RIGHT_PAREN, COMMA,
    END;

    private static final Map<String, TokenKind> KEYWORDS = Map.of(
            "AND", AND, "OR", OR, "NOT", NOT, "BETWEEN", BETWEEN, "IN", IN,
            "IS", IS, "NULL", NULL, "TRUE", TRUE, "FALSE", FALSE);

    /** The keyword spelled by {@code word} in any case, or {@link #IDENTIFIER}: keywords are reserved. */
    static TokenKind keywordOrIdentifier(String word) {
        return KEYWORDS.getOrDefault(word.toUpperCase(Locale.ROOT), IDENTIFIER);
    }

    boolean isComparison() {
        return this == EQ || this == NE || this == LT || this == LE || this == GT || this == GE;
    }
}
