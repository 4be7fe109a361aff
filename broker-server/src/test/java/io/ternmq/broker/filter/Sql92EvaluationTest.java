package io.ternmq.broker.filter;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Map;
import java.util.stream.Stream;

import static io.ternmq.broker.filter.MessageProperties.sql;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** What SQL92 filters match: operators, types, missing properties and precedence. */
class Sql92EvaluationTest {

    /** One message used by most cases below. */
    private static final Map<String, String> MESSAGE = MessageProperties.of(
            "a", "5",
            "price", "12.5",
            "neg", "-3",
            "big", "9007199254740993",
            "region", "eu",
            "name", "O'Brien",
            "word", "abc",
            "flag", "TRUE",
            "empty", "",
            "order.id", "42",
            "TAGS", "TagA");

    static Stream<Arguments> expressionsAndWhetherTheyMatch() {
        return Stream.of(
                // numeric comparisons: long against long
                arguments("a = 5", true), arguments("a = 6", false),
                arguments("a <> 6", true), arguments("a <> 5", false),
                arguments("a < 6", true), arguments("a < 5", false),
                arguments("a <= 5", true), arguments("a <= 4", false),
                arguments("a > 4", true), arguments("a > 5", false),
                arguments("a >= 5", true), arguments("a >= 6", false),
                // literal on the left
                arguments("6 > a", true), arguments("5 < a", false),
                // decimals and negatives, both as literals and as property values
                arguments("price > 12.4", true), arguments("price < 12.49", false),
                arguments("price = 12.50", true), arguments("a = 5.0", true),
                arguments("neg < -2", true), arguments("neg = -3", true), arguments("neg > -3.5", true),
                arguments("a > -1e2", true), arguments("a < 5E-1", false), arguments("a = 0.5e1", true),
                // integers compare exactly as longs (a double would round 2^53+1 to 2^53)
                arguments("big > 9007199254740992", true), arguments("big = 9007199254740992", false),
                // a property that is not a number never satisfies a numeric comparison...
                arguments("word = 5", false), arguments("word <> 5", false), arguments("word < 5", false),
                arguments("empty = 0", false),
                // ...and negating that comparison is TRUE (FALSE, not UNKNOWN, as in RocketMQ)
                arguments("NOT (word > 5)", true),
                // strings
                arguments("region = 'eu'", true), arguments("region = 'EU'", false),
                arguments("region <> 'us'", true), arguments("region < 'fr'", true),
                arguments("region >= 'eu'", true), arguments("region > 'eu'", false),
                arguments("name = 'O''Brien'", true), arguments("empty = ''", true),
                // against a string literal a numeric property compares as text: '5' < '10' is false
                arguments("a = '5'", true), arguments("a < '10'", false),
                // two properties compare as strings
                arguments("region = region", true), arguments("a < region", true),
                // booleans
                arguments("flag = TRUE", true), arguments("flag <> FALSE", true), arguments("TRUE = flag", true),
                arguments("region = TRUE", false), arguments("TRUE", true), arguments("FALSE", false),
                arguments("TRUE = TRUE", true), arguments("TRUE <> FALSE", true),
                // BETWEEN, inclusive at both ends
                arguments("a BETWEEN 5 AND 6", true), arguments("a BETWEEN 1 AND 5", true),
                arguments("a BETWEEN 6 AND 9", false), arguments("a NOT BETWEEN 6 AND 9", true),
                arguments("a NOT BETWEEN 1 AND 9", false), arguments("price BETWEEN 12 AND 13", true),
                arguments("region BETWEEN 'a' AND 'f'", true), arguments("word BETWEEN 1 AND 9", false),
                // with only properties involved everything is text, and '5' sorts after '12.5'
                arguments("a BETWEEN neg AND price", false),
                // IN
                arguments("region IN ('us', 'eu')", true), arguments("region IN ('us')", false),
                arguments("region NOT IN ('us', 'cn')", true), arguments("region NOT IN ('eu')", false),
                arguments("a IN (1, 5.0, 7)", true), arguments("a NOT IN (1, 2)", true),
                arguments("word IN (1, 2)", false), arguments("name IN ('O''Brien')", true),
                // IS [NOT] NULL
                arguments("missing IS NULL", true), arguments("missing IS NOT NULL", false),
                arguments("a IS NULL", false), arguments("a IS NOT NULL", true),
                arguments("empty IS NOT NULL", true),
                // identifiers with dots, digits and underscores; TAGS is a property like any other
                arguments("order.id = 42", true), arguments("TAGS = 'TagA'", true),
                arguments("TAGS IN ('TagB', 'TagA') AND a > 1", true),
                // AND / OR / NOT / parentheses
                arguments("a = 5 AND region = 'eu'", true), arguments("a = 5 AND region = 'us'", false),
                arguments("a = 6 OR region = 'eu'", true), arguments("a = 6 OR region = 'us'", false),
                arguments("NOT a = 6", true), arguments("NOT NOT a = 5", true),
                arguments("(a = 6 OR a = 5) AND (region = 'eu')", true),
                arguments("((((a = 5))))", true));
    }

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @MethodSource("expressionsAndWhetherTheyMatch")
    void everyOperatorMatchesAsSpecified(String expression, boolean matches) {
        assertEquals(matches, sql(expression).matches(MESSAGE), expression);
    }

    static Stream<Arguments> missingPropertyCases() {
        return Stream.of(
                // a comparison on a missing property is UNKNOWN, so neither it nor its negation matches
                arguments("missing = 1", false), arguments("NOT (missing = 1)", false),
                arguments("missing <> 1", false), arguments("missing = 'x'", false),
                arguments("missing = missing", false), arguments("missing BETWEEN 1 AND 2", false),
                arguments("missing NOT BETWEEN 1 AND 2", false), arguments("missing IN ('x')", false),
                arguments("missing NOT IN ('x')", false), arguments("a BETWEEN missing AND 9", false),
                arguments("NOT (a BETWEEN missing AND 9)", false),
                // a missing bound is decided when the known bound already fails: FALSE AND UNKNOWN = FALSE
                arguments("a BETWEEN missing AND 1", false), arguments("a NOT BETWEEN missing AND 1", true),
                // FALSE AND UNKNOWN = FALSE, so its negation matches
                arguments("NOT (a = 6 AND missing = 1)", true),
                // TRUE AND UNKNOWN = UNKNOWN
                arguments("a = 5 AND missing = 1", false), arguments("NOT (a = 5 AND missing = 1)", false),
                // TRUE OR UNKNOWN = TRUE
                arguments("a = 5 OR missing = 1", true), arguments("missing = 1 OR a = 5", true),
                // FALSE OR UNKNOWN = UNKNOWN
                arguments("a = 6 OR missing = 1", false), arguments("NOT (a = 6 OR missing = 1)", false),
                // IS NULL is never UNKNOWN
                arguments("NOT (missing IS NULL)", false), arguments("missing IS NULL OR missing = 1", true));
    }

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @MethodSource("missingPropertyCases")
    void missingPropertiesFollowThreeValuedLogic(String expression, boolean matches) {
        assertEquals(matches, sql(expression).matches(MESSAGE), expression);
    }

    @Test
    void truthTablesOfThreeValuedLogic() {
        Truth t = Truth.TRUE;
        Truth f = Truth.FALSE;
        Truth u = Truth.UNKNOWN;
        assertEquals(u, u.not());
        assertEquals(f, f.and(u));
        assertEquals(f, u.and(f));
        assertEquals(u, t.and(u));
        assertEquals(t, t.or(u));
        assertEquals(t, u.or(t));
        assertEquals(u, f.or(u));
        assertEquals(u, u.and(u));
        assertEquals(u, u.or(u));
    }

    @Test
    void notBindsTighterThanAndWhichBindsTighterThanOr() {
        Map<String, String> m = MessageProperties.of("t", "1", "f", "0");
        // OR-first would read (t OR t) AND f = false
        assertTrue(sql("t = 1 OR t = 1 AND f = 1").matches(m));
        // NOT over the whole AND would read NOT (f AND f) = true
        assertFalse(sql("NOT f = 1 AND f = 1").matches(m));
        // NOT over the whole OR would read NOT (t OR f) = false
        assertTrue(sql("NOT t = 1 OR t = 1").matches(m));
        // parentheses override
        assertFalse(sql("(t = 1 OR t = 1) AND f = 1").matches(m));
        assertTrue(sql("NOT (f = 1 AND f = 1)").matches(m));
    }

    @Test
    void keywordsAreCaseInsensitiveButPropertyNamesAreNot() {
        Map<String, String> m = MessageProperties.of("a", "5", "region", "eu");
        assertTrue(sql("a BeTwEeN 1 aNd 9 AnD region iN ('eu') oR a iS nUlL").matches(m));
        assertTrue(sql("not a not between 1 and 9 and a is not null and true").matches(m));
        assertTrue(sql("a = 5 and region not in ('us')").matches(m));
        assertFalse(sql("A = 5").matches(m), "A is a different property from a");
        assertTrue(sql("A IS NULL").matches(m));
    }

    @Test
    void nullAndEmptyMapsAreMessagesWithoutProperties() {
        CompiledFilter filter = sql("a IS NULL");
        assertTrue(filter.matches(null));
        assertTrue(filter.matches(Map.of()));
        assertFalse(sql("a = 1").matches(null));
    }

    @Test
    void sql92FiltersNeverRuleOutByTagHash() {
        CompiledFilter filter = sql("TAGS = 'TagA'");
        assertEquals(ExpressionType.SQL92, filter.type());
        assertTrue(filter.matchesTagHash(0));
        assertTrue(filter.matchesTagHash("TagB".hashCode()));
    }

    @Test
    void propertyNumbersAreReadStrictly() {
        // whatever Double.parseDouble would tolerate beyond plain decimals does not count as a number
        for (String notANumber : new String[]{"NaN", "Infinity", "0x10", "1d", " 5", "5 ", "+5", "1.", ".5", "1e"}) {
            assertFalse(sql("v = v AND v > -1000").matches(Map.of("v", notANumber)), notANumber);
        }
        assertTrue(sql("v > 1e300").matches(Map.of("v", "1e999")), "overflow reads as infinity, still a number");
        assertTrue(sql("v > 9223372036854775807").matches(Map.of("v", "99999999999999999999")));
        assertTrue(sql("v = 0").matches(Map.of("v", "-0.0")));
    }

    @Test
    void longRunOfOrIsFlatAndFast() {
        StringBuilder expression = new StringBuilder("a = 0");
        for (int i = 1; i < 300; i++) {
            expression.append(" OR a = ").append(i);
        }
        assertTrue(sql(expression.toString()).matches(Map.of("a", "299")));
    }
}
