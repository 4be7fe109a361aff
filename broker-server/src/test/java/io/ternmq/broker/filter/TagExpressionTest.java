package io.ternmq.broker.filter;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class TagExpressionTest {

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "   ", "*", "  *  ", "\t*\n"})
    void starEmptyAndNullMeanAllTags(String expression) throws FilterSyntaxException {
        TagExpression tags = TagExpression.parse(expression);
        assertTrue(tags.isAll());
        assertTrue(tags.tags().isEmpty());
        assertTrue(tags.matchesHash(0));
        assertTrue(tags.matchesHash(12345L));
        assertTrue(tags.matchesTag(null));
        assertTrue(tags.matchesTag("anything"));
    }

    @Test
    void alternativesAreSplitOnDoublePipeAndTrimmed() throws FilterSyntaxException {
        TagExpression tags = TagExpression.parse("TagA||TagB ||  TagC\t|| TagA");
        assertFalse(tags.isAll());
        assertEquals(List.of("TagA", "TagB", "TagC"), List.copyOf(tags.tags()));
        assertEquals(Set.of("TagA".hashCode(), "TagB".hashCode(), "TagC".hashCode()), tags.hashCodes());
        assertEquals("TagA || TagB || TagC", tags.toString());
    }

    @Test
    void tagsMayContainPunctuationOtherThanPipeAndWhitespace() throws FilterSyntaxException {
        assertEquals(Set.of("order.created", "a-b_c:1", "订单"),
                TagExpression.parse("order.created || a-b_c:1 || 订单").tags());
    }

    @Test
    void hashPreFilterUsesStringHashCodeSignExtendedLikeTheConsumeQueue() throws FilterSyntaxException {
        TagExpression tags = TagExpression.parse("TagA || TagB");
        assertTrue(tags.matchesHash("TagA".hashCode()));
        assertTrue(tags.matchesHash((long) "TagB".hashCode()));
        assertFalse(tags.matchesHash("TagC".hashCode()));
        assertFalse(tags.matchesHash(0), "0 is the code of a message without a tag");
        // a long that only agrees in its low 32 bits is not the hash of any tag
        assertFalse(tags.matchesHash(((long) "TagA".hashCode()) + (1L << 32)));
    }

    @Test
    void negativeHashCodesMatchAfterSignExtension() throws FilterSyntaxException {
        String tag = "negative-hash-tag";
        int hash = tag.hashCode();
        assertTrue(hash < 0, "fixture must have a negative hash");
        TagExpression tags = TagExpression.parse(tag);
        assertTrue(tags.matchesHash(hash));
        assertFalse(tags.matchesHash(hash & 0xFFFF_FFFFL), "zero-extended code is a different long");
    }

    @Test
    void hashCollisionIsResolvedByTheRealTag() throws FilterSyntaxException {
        // "Aa" and "BB" share String.hashCode: the pre-filter passes, the exact check does not
        assertEquals("Aa".hashCode(), "BB".hashCode());
        TagExpression tags = TagExpression.parse("Aa");
        assertTrue(tags.matchesHash("BB".hashCode()));
        assertTrue(tags.matchesTag("Aa"));
        assertFalse(tags.matchesTag("BB"));
    }

    @Test
    void messageWithoutTagMatchesOnlyStar() throws FilterSyntaxException {
        assertFalse(TagExpression.parse("TagA").matchesTag(null));
        assertTrue(TagExpression.parse("*").matchesTag(null));
    }

    @Test
    void tagMatchingIsCaseSensitive() throws FilterSyntaxException {
        assertFalse(TagExpression.parse("TagA").matchesTag("taga"));
    }

    @Test
    void compiledTagFilterReadsTheTagsProperty() throws FilterSyntaxException {
        CompiledFilter filter = FilterExpressions.compile(ExpressionType.TAG, "TagA || TagB");
        assertEquals(ExpressionType.TAG, filter.type());
        assertTrue(filter.matches(Map.of("TAGS", "TagB")));
        assertFalse(filter.matches(Map.of("TAGS", "TagC")));
        assertFalse(filter.matches(Map.of()));
        assertFalse(filter.matches(null));
        assertTrue(filter.matchesTagHash("TagA".hashCode()));
        assertFalse(filter.matchesTagHash("TagC".hashCode()));
        CompiledFilter all = FilterExpressions.compile(ExpressionType.TAG, "*");
        assertTrue(all.matches(null));
        assertTrue(all.matchesTagHash(0));
    }

    static Stream<Arguments> malformedTagExpressions() {
        return Stream.of(
                arguments("|| TagA", 1, "a tag", "'||'"),
                arguments("TagA ||", 8, "a tag", "end of input"),
                arguments("TagA ||   ", 11, "a tag", "end of input"),
                arguments("TagA || || TagB", 9, "a tag", "'||'"),
                arguments("TagA |||| TagB", 8, "a tag", "'||'"),
                arguments("TagA ||| TagB", 8, "'||' between tags", "a single '|'"),
                arguments("TagA | TagB", 6, "'||' between tags", "a single '|'"),
                arguments("TagA TagB", 6, "'||' between tags", "'TagB'"),
                arguments("TagA || *", 9, "a tag ('*' must be the whole expression)", "'*'"),
                arguments("||", 1, "a tag", "'||'"));
    }

    @ParameterizedTest(name = "[{index}] \"{0}\" fails at column {1}")
    @MethodSource("malformedTagExpressions")
    void malformedTagExpressionsReportTheirColumn(String expression, int column, String expected, String found) {
        FilterSyntaxException e = assertThrows(FilterSyntaxException.class, () -> TagExpression.parse(expression));
        assertEquals(column, e.column(), e.getMessage());
        assertEquals(expected, e.expected());
        assertEquals(found, e.found());
    }

    @Test
    void tooLongTagExpressionIsRejected() {
        String expression = "T".repeat(FilterExpressions.MAX_EXPRESSION_LENGTH + 1);
        FilterSyntaxException e = assertThrows(FilterSyntaxException.class,
                () -> FilterExpressions.compile(ExpressionType.TAG, expression));
        assertEquals(FilterExpressions.MAX_EXPRESSION_LENGTH + 1, e.column());
    }
}
