package io.ternmq.broker.filter;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** Malformed SQL92 expressions: each fails with the column, expectation and finding a client can act on. */
class Sql92SyntaxErrorTest {

    private static final String CONDITION = "a condition";
    private static final String OPERAND = "a property name or literal";
    private static final String AFTER_CONDITION = "AND, OR or end of input";
    private static final String PREDICATE = "a comparison operator, BETWEEN, IN or IS";
    private static final String IN_ITEM = "a string or number literal";

    static Stream<Arguments> malformedExpressions() {
        return Stream.of(
                // unbalanced parentheses
                arguments("a > 3 AND (b < 2", 17, "')'", "end of input"),
                arguments("(a = 1", 7, "')'", "end of input"),
                arguments("((a = 1)", 9, "')'", "end of input"),
                arguments("(a = 1 b = 2)", 8, "')'", "identifier 'b'"),
                arguments("a = 1)", 6, AFTER_CONDITION, "')'"),
                arguments("()", 2, CONDITION, "')'"),
                // missing operands and conditions
                arguments("", 1, CONDITION, "end of input"),
                arguments("   ", 4, CONDITION, "end of input"),
                arguments("a >", 4, OPERAND, "end of input"),
                arguments("a > AND b = 1", 5, OPERAND, "AND"),
                arguments("AND a = 1", 1, CONDITION, "AND"),
                arguments("a = 1 AND", 10, CONDITION, "end of input"),
                arguments("a = 1 OR OR b = 2", 10, CONDITION, "OR"),
                arguments("NOT", 4, CONDITION, "end of input"),
                arguments("a = 1 AND NOT", 14, CONDITION, "end of input"),
                arguments("a", 2, PREDICATE, "end of input"),
                arguments("a = NULL", 5, OPERAND + " (test a missing property with IS NULL)", "NULL"),
                // unknown operators
                arguments("a LIKE 'x%'", 3, PREDICATE, "identifier 'LIKE'"),
                arguments("a == 1", 4, OPERAND, "'='"),
                arguments("a =< 1", 4, OPERAND, "'<'"),
                arguments("a != 1", 3, "'<>' (SQL's not-equals)", "'!='"),
                arguments("a ! 1", 3, "a token", "'!'"),
                arguments("a = 1 # x", 7, "a token", "'#'"),
                arguments("a = 1 + 2", 7, "a token", "'+'"),
                arguments("a NOT LIKE 'x'", 7, "BETWEEN or IN after NOT", "identifier 'LIKE'"),
                arguments("a IS 5", 6, "NULL or NOT NULL", "number 5"),
                arguments("a IS NOT 5", 10, "NULL", "number 5"),
                // bad literals
                arguments("a = \"x\"", 5, "a string in single quotes", "'\"'"),
                arguments("a = 1.2.3", 5, "a number", "malformed number '1.2.3'"),
                arguments("a = 12abc", 5, "a number", "malformed number '12abc'"),
                arguments("a = 1e", 5, "a number", "malformed number '1e'"),
                arguments("a = 1.", 5, "a number", "malformed number '1.'"),
                arguments("a = 1e999", 5, "a number within the double range", "'1e999'"),
                arguments("a = - 3", 6, "a digit after '-'", "whitespace"),
                arguments("a = -x", 6, "a digit after '-'", "'x'"),
                arguments("a = 1 AND b = \u0001", 15, "a token", "character U+0001"),
                // unterminated strings point at the opening quote
                arguments("a = 'abc", 5, "a closing quote for the string starting here", "end of input"),
                arguments("a = 'it''s", 5, "a closing quote for the string starting here", "end of input"),
                arguments("a IN ('x', 'y)", 12, "a closing quote for the string starting here", "end of input"),
                // IN lists
                arguments("a IN ()", 7, IN_ITEM, "')'"),
                arguments("a NOT IN ()", 11, IN_ITEM, "')'"),
                arguments("a IN ('x',)", 11, IN_ITEM, "')'"),
                arguments("a IN ('x' 'y')", 11, "',' or ')'", "string 'y'"),
                arguments("a IN ('x'", 10, "',' or ')'", "end of input"),
                arguments("a IN 'x'", 6, "'(' to open the IN list", "string 'x'"),
                arguments("a IN ('x', b)", 12, IN_ITEM, "identifier 'b'"),
                arguments("a IN ('x', 1)", 12, "a string", "number 1"),
                arguments("5 IN ('x')", 7, "a number", "string 'x'"),
                // BETWEEN
                arguments("a BETWEEN 1 OR 2", 13, "AND", "OR"),
                arguments("a BETWEEN 1", 12, "AND", "end of input"),
                arguments("a BETWEEN 1 AND", 16, OPERAND, "end of input"),
                arguments("a NOT BETWEEN 1, 2", 16, "AND", "','"),
                arguments("a BETWEEN 1 AND 'z'", 17, "a number", "string 'z'"),
                arguments("a BETWEEN TRUE AND FALSE", 11, "a number or string (booleans have no order)", "TRUE"),
                // literal type mismatches can never match, so they are mistakes
                arguments("'x' = 5", 7, "a string", "number 5"),
                arguments("a < TRUE", 3, "'=' or '<>' (booleans have no order)", "'<'"),
                arguments("TRUE = 'x'", 8, "a boolean", "string 'x'"),
                // trailing garbage
                arguments("a = 1 b = 2", 7, AFTER_CONDITION, "identifier 'b'"),
                arguments("a = 1 AND b = 2 garbage", 17, AFTER_CONDITION, "identifier 'garbage'"),
                arguments("TRUE TRUE", 6, AFTER_CONDITION, "TRUE"),
                arguments("a = 1 ,", 7, AFTER_CONDITION, "','"));
    }

    @ParameterizedTest(name = "[{index}] {0} -> column {1}")
    @MethodSource("malformedExpressions")
    void malformedExpressionFailsAtItsColumn(String expression, int column, String expected, String found) {
        FilterSyntaxException e = compileFailure(expression);
        assertEquals(column, e.column(), e.getMessage());
        assertEquals(expected, e.expected(), e.getMessage());
        assertEquals(found, e.found(), e.getMessage());
        assertEquals(expression, e.expression());
        assertCaretUnderColumn(e);
    }

    @Test
    void messageShowsExpectationColumnFindingAndCaret() {
        FilterSyntaxException e = compileFailure("a > 3 AND (b < 2");
        assertEquals("expected ')' at column 17 but found end of input\n"
                + "  a > 3 AND (b < 2\n"
                + "                  ^", e.getMessage());
    }

    @Test
    void controlCharactersAreEchoedAsSpacesSoTheCaretStaysAligned() {
        FilterSyntaxException e = compileFailure("a = 1\n\tAND )");
        assertEquals("expected a condition at column 12 but found ')'\n"
                + "  a = 1  AND )\n"
                + "             ^", e.getMessage());
    }

    @Test
    void longExpressionsAreEchoedAsAWindowAroundTheError() {
        String expression = "a = 1 AND ".repeat(30) + "b = 'x' 'y' AND " + "c = 2 AND ".repeat(30) + "d = 1";
        FilterSyntaxException e = compileFailure(expression);
        assertEquals(expression.indexOf("'y'") + 1, e.column());
        String[] lines = e.getMessage().split("\n");
        assertTrue(lines[1].startsWith("  ...") && lines[1].endsWith("..."), lines[1]);
        assertTrue(lines[1].length() < 100, "window, not the whole expression");
        assertCaretUnderColumn(e);
    }

    @Test
    void expressionLongerThanTheLimitIsRejectedBeforeParsing() {
        String expression = "a = 1 AND ".repeat(500) + "b = 2";
        FilterSyntaxException e = compileFailure(expression);
        assertEquals(FilterExpressions.MAX_EXPRESSION_LENGTH + 1, e.column());
        assertEquals("at most 4096 characters", e.expected());
        assertEquals(expression.length() + " characters", e.found());
    }

    @Test
    void expressionAtTheLengthLimitIsAccepted() {
        String expression = "a = 1" + " ".repeat(FilterExpressions.MAX_EXPRESSION_LENGTH - 5);
        assertEquals(FilterExpressions.MAX_EXPRESSION_LENGTH, expression.length());
        assertDoesNotThrow(() -> FilterExpressions.compile(ExpressionType.SQL92, expression));
    }

    @Test
    void nestingUpToTheLimitIsAccepted() {
        int max = FilterExpressions.MAX_NESTING_DEPTH;
        assertDoesNotThrow(() -> FilterExpressions.compile(ExpressionType.SQL92,
                "(".repeat(max) + "a = 1" + ")".repeat(max)));
        assertDoesNotThrow(() -> FilterExpressions.compile(ExpressionType.SQL92, "NOT ".repeat(max) + "a = 1"));
    }

    @Test
    void parenthesesDeeperThanTheLimitFailAtTheFirstLevelTooMany() {
        int max = FilterExpressions.MAX_NESTING_DEPTH;
        FilterSyntaxException e = compileFailure("(".repeat(max + 1) + "a = 1" + ")".repeat(max + 1));
        assertEquals(max + 1, e.column());
        assertEquals("at most 64 levels of parentheses and NOT", e.expected());
        assertEquals("'(' at level 65", e.found());
    }

    @Test
    void notChainsAndMixedNestingCountTowardTheSameLimit() {
        int max = FilterExpressions.MAX_NESTING_DEPTH;
        assertEquals(4 * max + 1, compileFailure("NOT ".repeat(max + 1) + "a = 1").column());
        // "NOT (" alternates the two kinds of level; level 65 is the 33rd NOT
        assertEquals(5 * 32 + 1, compileFailure("NOT (".repeat(33) + "a = 1" + ")".repeat(33)).column());
    }

    @Test
    void hostileNestingWithinTheLengthLimitCannotOverflowTheStack() {
        assertEquals(FilterExpressions.MAX_NESTING_DEPTH + 1,
                compileFailure("(".repeat(FilterExpressions.MAX_EXPRESSION_LENGTH)).column());
        assertEquals(4 * FilterExpressions.MAX_NESTING_DEPTH + 1,
                compileFailure("NOT ".repeat(FilterExpressions.MAX_EXPRESSION_LENGTH / 4)).column());
    }

    @Test
    void nullExpressionIsAnEmptyOne() {
        FilterSyntaxException e = compileFailure(null);
        assertEquals(1, e.column());
        assertEquals("", e.expression());
    }

    static FilterSyntaxException compileFailure(String expression) {
        return assertThrows(FilterSyntaxException.class,
                () -> FilterExpressions.compile(ExpressionType.SQL92, expression));
    }

    /** The caret on the message's last line sits under the character at the error column. */
    static void assertCaretUnderColumn(FilterSyntaxException e) {
        String[] lines = e.getMessage().split("\n", -1);
        assertEquals(3, lines.length, e.getMessage());
        int caret = lines[2].indexOf('^');
        assertEquals(lines[2].length() - 1, caret, "caret is the last character");
        assertTrue(lines[2].substring(0, caret).isBlank());
        int offset = e.column() - 1;
        if (offset < e.expression().length()) {
            char shown = lines[1].charAt(caret);
            char actual = e.expression().charAt(offset);
            assertEquals(Character.isISOControl(actual) ? ' ' : actual, shown, e.getMessage());
        } else {
            assertEquals(lines[1].replaceAll("\\.\\.\\.$", "").length(), caret, "end of input: just past the text");
        }
    }
}
