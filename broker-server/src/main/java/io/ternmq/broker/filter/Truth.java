package io.ternmq.broker.filter;

/**
 * SQL's three truth values. UNKNOWN arises from a missing property; it survives {@code NOT} and is decided
 * by {@code AND}/{@code OR} only when the other side settles the answer (FALSE AND UNKNOWN = FALSE,
 * TRUE OR UNKNOWN = TRUE). A filter matches only when the whole condition is TRUE.
 */
enum Truth {
    TRUE, FALSE, UNKNOWN;

    static Truth of(boolean value) {
        return value ? TRUE : FALSE;
    }

    Truth not() {
        return switch (this) {
            case TRUE -> FALSE;
            case FALSE -> TRUE;
            case UNKNOWN -> UNKNOWN;
        };
    }

    Truth and(Truth other) {
        if (this == FALSE || other == FALSE) {
            return FALSE;
        }
        return this == TRUE && other == TRUE ? TRUE : UNKNOWN;
    }

    Truth or(Truth other) {
        if (this == TRUE || other == TRUE) {
            return TRUE;
        }
        return this == FALSE && other == FALSE ? FALSE : UNKNOWN;
    }
}
