package io.ternmq.outbox.relay;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code mq_outbox.properties} column: a message's user properties as one JSON object of string values, e.g.
 * {@code {"orderId":"42","source":"web"}}, so operators can read it and query it with {@code JSON_EXTRACT} on MySQL
 * and MariaDB. An empty map is stored as NULL. Only this shape is written and read: an object whose values are all
 * strings; {@code "}, {@code \} and control characters are escaped, everything else is kept as is.
 */
final class PropertiesJson {
    private PropertiesJson() {
    }

    /** The column value for {@code properties}: null when there are none. */
    static String encode(Map<String, String> properties) {
        if (properties.isEmpty()) {
            return null;
        }
        StringBuilder out = new StringBuilder("{");
        for (Map.Entry<String, String> e : properties.entrySet()) {
            if (out.length() > 1) {
                out.append(',');
            }
            string(out, e.getKey());
            out.append(':');
            string(out, e.getValue());
        }
        return out.append('}').toString();
    }

    private static void string(StringBuilder out, String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    /** The properties a column value holds; null gives an empty map. */
    static Map<String, String> decode(String json) {
        Map<String, String> out = new LinkedHashMap<>();
        if (json == null) {
            return out;
        }
        Reader r = new Reader(json);
        r.expect('{');
        if (!r.consume('}')) {
            do {
                String name = r.string();
                r.expect(':');
                out.put(name, r.string());
            } while (r.consume(','));
            r.expect('}');
        }
        r.end();
        return out;
    }

    /** A cursor over the JSON text; whitespace between tokens is skipped. */
    private static final class Reader {
        private final String s;
        private int pos;

        Reader(String s) {
            this.s = s;
        }

        void expect(char c) {
            if (!consume(c)) {
                throw fail("expected '" + c + "'");
            }
        }

        boolean consume(char c) {
            skipSpace();
            if (pos < s.length() && s.charAt(pos) == c) {
                pos++;
                return true;
            }
            return false;
        }

        void end() {
            skipSpace();
            if (pos != s.length()) {
                throw fail("unexpected text after the object");
            }
        }

        String string() {
            expect('"');
            StringBuilder out = new StringBuilder();
            while (pos < s.length()) {
                char c = s.charAt(pos++);
                if (c == '"') {
                    return out.toString();
                }
                if (c != '\\') {
                    out.append(c);
                    continue;
                }
                if (pos >= s.length()) {
                    break;
                }
                char e = s.charAt(pos++);
                switch (e) {
                    case '"', '\\', '/' -> out.append(e);
                    case 'n' -> out.append('\n');
                    case 'r' -> out.append('\r');
                    case 't' -> out.append('\t');
                    case 'b' -> out.append('\b');
                    case 'f' -> out.append('\f');
                    case 'u' -> {
                        if (pos + 4 > s.length()) {
                            throw fail("truncated \\u escape");
                        }
                        try {
                            out.append((char) Integer.parseInt(s.substring(pos, pos + 4), 16));
                        } catch (NumberFormatException ex) {
                            throw fail("bad \\u escape");
                        }
                        pos += 4;
                    }
                    default -> throw fail("bad escape \\" + e);
                }
            }
            throw fail("unterminated string");
        }

        private void skipSpace() {
            while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) {
                pos++;
            }
        }

        private IllegalArgumentException fail(String what) {
            return new IllegalArgumentException("mq_outbox.properties is not a JSON object of strings: " + what
                    + " at character " + pos);
        }
    }
}
