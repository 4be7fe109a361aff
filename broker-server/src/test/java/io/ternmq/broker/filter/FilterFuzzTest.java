package io.ternmq.broker.filter;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Deterministic fuzzing (fixed seeds, so a failure reproduces): compiling any string may only raise
 * {@link FilterSyntaxException}, with a column inside the input, and a compiled filter never throws on any
 * property map. Complements the hand-written cases, which cannot foresee every token combination.
 */
class FilterFuzzTest {

    private static final String[] VOCABULARY = {
            "a", "b", "TAGS", "x.y", "_z1", "AND", "and", "Or", "OR", "NOT", "not", "BETWEEN", "between",
            "IN", "in", "IS", "is", "NULL", "null", "TRUE", "false", "=", "<>", "<", "<=", ">", ">=", "!=",
            "(", "(", ")", ")", ",", "1", "-2", "3.5", "-0.25", "1e3", "7E-2", "99999999999999999999", "1e999",
            "'s'", "''", "'it''s'", "'unterminated", "'", "\"q\"", "-", ".", "1.2.3", "12ab", "#", "||", "*",
            "\u0000", "\t", "\n", "é", "\uD83D\uDE00"};

    private static final String[] VALID = {
            "a > 3 AND (b < 2 OR TAGS IN ('TagA', 'TagB'))",
            "NOT (a BETWEEN -1.5 AND 10) OR b IS NULL",
            "x.y NOT IN (1, 2, 3) AND _z1 <> 'it''s' AND TRUE",
            "a = b OR a >= 1e3 AND NOT b IS NOT NULL",
            "(((a = 1))) AND b NOT BETWEEN 'a' AND 'm' OR flag = FALSE"};

    private static final String[] PROPERTY_VALUES = {
            "1", "-2", "3.5", "1e3", "abc", "", "NaN", "Infinity", "1e999", "99999999999999999999", "true",
            "FALSE", "'", "TagA", " 1", "-0.0", "\u0000"};

    private static final String[] PROPERTY_NAMES = {"a", "b", "TAGS", "x.y", "_z1", "flag"};

    @Test
    void randomTokenSoupOnlyEverFailsWithSyntaxErrors() {
        SplittableRandom random = new SplittableRandom(0x7E51_0001L);
        Outcomes outcomes = new Outcomes();
        for (int i = 0; i < 150_000; i++) {
            StringBuilder text = new StringBuilder();
            int tokens = random.nextInt(1, 16);
            for (int t = 0; t < tokens; t++) {
                text.append(VOCABULARY[random.nextInt(VOCABULARY.length)]);
                if (random.nextInt(4) != 0) {
                    text.append(' ');
                }
            }
            outcomes.check(text.toString(), random);
        }
        assertTrue(outcomes.compiled > 200, "soup should sometimes be valid: " + outcomes.compiled);
    }

    @Test
    void randomMutationsOfValidExpressionsOnlyEverFailWithSyntaxErrors() {
        SplittableRandom random = new SplittableRandom(0x7E51_0002L);
        Outcomes outcomes = new Outcomes();
        for (int i = 0; i < 150_000; i++) {
            StringBuilder text = new StringBuilder(VALID[random.nextInt(VALID.length)]);
            int mutations = random.nextInt(1, 4);
            for (int m = 0; m < mutations; m++) {
                mutate(text, random);
            }
            outcomes.check(text.toString(), random);
        }
        assertTrue(outcomes.compiled > 1_000, "mutants should sometimes be valid: " + outcomes.compiled);
        assertTrue(outcomes.rejected > 1_000, "mutants should sometimes be invalid: " + outcomes.rejected);
    }

    @Test
    void randomTagExpressionsOnlyEverFailWithSyntaxErrors() {
        SplittableRandom random = new SplittableRandom(0x7E51_0003L);
        String[] pieces = {"TagA", "TagB", "||", "|", " ", "*", "\t", "", "x.y", "订单", "|||"};
        for (int i = 0; i < 100_000; i++) {
            StringBuilder text = new StringBuilder();
            int count = random.nextInt(0, 8);
            for (int p = 0; p < count; p++) {
                text.append(pieces[random.nextInt(pieces.length)]);
            }
            String expression = text.toString();
            try {
                CompiledFilter filter = FilterExpressions.compile(ExpressionType.TAG, expression);
                filter.matchesTagHash(random.nextLong());
                filter.matches(Map.of("TAGS", pieces[random.nextInt(pieces.length)]));
            } catch (FilterSyntaxException e) {
                assertColumnInRange(expression, e);
            } catch (RuntimeException | StackOverflowError e) {
                fail("unexpected " + e + " for tag expression [" + expression + "]", e);
            }
        }
    }

    private static void mutate(StringBuilder text, SplittableRandom random) {
        if (text.length() == 0) {
            text.append(VOCABULARY[random.nextInt(VOCABULARY.length)]);
            return;
        }
        int at = random.nextInt(text.length());
        switch (random.nextInt(6)) {
            case 0 -> text.deleteCharAt(at);
            case 1 -> text.insert(at, (char) random.nextInt(32, 127));
            case 2 -> text.setCharAt(at, (char) random.nextInt(32, 127));
            case 3 -> text.insert(at, ' ' + VOCABULARY[random.nextInt(VOCABULARY.length)] + ' ');
            case 4 -> text.setLength(at);
            default -> {
                int end = Math.min(text.length(), at + random.nextInt(1, 12));
                text.insert(at, text.substring(at, end));
            }
        }
    }

    private static void assertColumnInRange(String expression, FilterSyntaxException e) {
        if (e.column() < 1 || e.column() > expression.length() + 1) {
            fail("column " + e.column() + " outside [" + expression + "]: " + e.getMessage());
        }
    }

    /** Compiles one candidate and, when it compiles, evaluates it on random messages. */
    private static final class Outcomes {
        int compiled;
        int rejected;

        void check(String expression, SplittableRandom random) {
            CompiledFilter filter;
            try {
                filter = FilterExpressions.compile(ExpressionType.SQL92, expression);
            } catch (FilterSyntaxException e) {
                rejected++;
                assertColumnInRange(expression, e);
                return;
            } catch (RuntimeException | StackOverflowError e) {
                fail("compile threw " + e + " for [" + expression + "]", e);
                return;
            }
            compiled++;
            for (int m = 0; m < 3; m++) {
                Map<String, String> properties = randomProperties(random);
                try {
                    filter.matches(properties);
                } catch (RuntimeException | StackOverflowError e) {
                    fail("matches threw " + e + " for [" + expression + "] on " + properties, e);
                }
            }
        }
    }

    private static Map<String, String> randomProperties(SplittableRandom random) {
        Map<String, String> properties = new HashMap<>();
        List<String> names = new ArrayList<>(List.of(PROPERTY_NAMES));
        for (String name : names) {
            if (random.nextBoolean()) {
                properties.put(name, PROPERTY_VALUES[random.nextInt(PROPERTY_VALUES.length)]);
            }
        }
        return properties;
    }
}
