package io.ternmq.client.consumer;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SubscriptionFilterTest {
    @Test
    void starMatchesEverythingIncludingUntaggedMessages() {
        SubscriptionFilter f = SubscriptionFilter.parse("T", "*");
        assertTrue(f.matches(null));
        assertTrue(f.matches("A"));
    }

    @Test
    void orExpressionMatchesOnlyTheListedTags() {
        SubscriptionFilter f = SubscriptionFilter.parse("T", "A || B");
        assertTrue(f.matches("A"));
        assertTrue(f.matches("B"));
        assertFalse(f.matches("C"));
        assertFalse(f.matches(null));
    }

    @Test
    void emptyAlternativesAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> SubscriptionFilter.parse("T", "||"));
    }
}
