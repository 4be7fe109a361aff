package io.ternmq.client.consumer;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TagFilterTest {
    @Test
    void starMatchesEverythingIncludingUntaggedMessages() {
        TagFilter f = TagFilter.parse("T", "*");
        assertTrue(f.matches(null));
        assertTrue(f.matches("A"));
    }

    @Test
    void orExpressionMatchesOnlyTheListedTags() {
        TagFilter f = TagFilter.parse("T", "A || B");
        assertTrue(f.matches("A"));
        assertTrue(f.matches("B"));
        assertFalse(f.matches("C"));
        assertFalse(f.matches(null));
    }

    @Test
    void emptyAlternativesAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> TagFilter.parse("T", "||"));
    }
}
