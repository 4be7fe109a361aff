package io.ternmq.broker.filter;

/**
 * The one definition of "text that is a number", shared by the lexer (numeric literals) and the evaluator
 * (property values compared with a number), so a literal and a property spelled alike always agree.
 *
 * <p>Accepted: {@code -?digits(.digits)?([eE][+-]?digits)?}. Deliberately stricter than
 * {@link Double#parseDouble}, which would also accept {@code "NaN"}, {@code "0x1p3"}, {@code "1d"} and
 * surrounding whitespace. Integers that fit a long are {@code Long}; everything else is {@code Double}.
 */
final class DecimalText {

    private DecimalText() {
    }

    /** The value of {@code text}, or {@code null} if it is not a number in the format above. */
    static Number parse(String text) {
        if (text == null || text.isEmpty() || scan(text, 0) != text.length()) {
            return null;
        }
        return valueOf(text);
    }

    /** Value of text already known to match the format ({@link #scan} covered all of it). */
    static Number valueOf(String text) {
        if (isIntegral(text)) {
            try {
                return Long.parseLong(text);
            } catch (NumberFormatException beyondLongRange) {
                // fall through: a very large integer is still a number, just an approximate one
            }
        }
        return Double.parseDouble(text);
    }

    /**
     * Index just past the longest number in the format above starting at {@code from}, or {@code from}
     * itself if there is none. A trailing '.' or exponent marker without digits is not consumed.
     */
    static int scan(CharSequence text, int from) {
        int i = from;
        if (i < text.length() && text.charAt(i) == '-') {
            i++;
        }
        int digitsEnd = digits(text, i);
        if (digitsEnd == i) {
            return from;
        }
        i = digitsEnd;
        if (i < text.length() && text.charAt(i) == '.') {
            int fractionEnd = digits(text, i + 1);
            if (fractionEnd > i + 1) {
                i = fractionEnd;
            }
        }
        if (i < text.length() && (text.charAt(i) == 'e' || text.charAt(i) == 'E')) {
            int j = i + 1;
            if (j < text.length() && (text.charAt(j) == '+' || text.charAt(j) == '-')) {
                j++;
            }
            int exponentEnd = digits(text, j);
            if (exponentEnd > j) {
                i = exponentEnd;
            }
        }
        return i;
    }

    private static int digits(CharSequence text, int from) {
        int i = from;
        while (i < text.length() && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
            i++;
        }
        return i;
    }

    private static boolean isIntegral(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '.' || c == 'e' || c == 'E') {
                return false;
            }
        }
        return true;
    }
}
