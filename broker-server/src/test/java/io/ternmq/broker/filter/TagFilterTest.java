package io.ternmq.broker.filter;

import io.ternmq.broker.store.MessageFilter;
import io.ternmq.broker.store.TagHash;
import io.ternmq.protocol.message.ExpressionType;
import io.ternmq.protocol.message.Subscription;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TagFilterTest {
    @Test
    void starBlankAndNullAcceptEverything() {
        assertSame(MessageFilter.ACCEPT_ALL, TagFilter.parse("*").orElseThrow());
        assertSame(MessageFilter.ACCEPT_ALL, TagFilter.parse(" ").orElseThrow());
        assertSame(MessageFilter.ACCEPT_ALL, TagFilter.parse(null).orElseThrow());
    }

    @Test
    void tagListMatchesByHashThenByExactTag() {
        MessageFilter f = TagFilter.parse("TagA || TagB").orElseThrow();
        assertTrue(f.matchesTagHash(TagHash.of("TagA"), false));
        assertTrue(f.matchesTagHash(TagHash.of("TagB"), false));
        assertFalse(f.matchesTagHash(TagHash.of("TagC"), false));
        assertTrue(f.matchesTagHash(TagHash.of("TagC"), true), "batches are checked per message");
        assertTrue(f.matches(Map.of("TAGS", "TagB")));
        assertFalse(f.matches(Map.of("TAGS", "TagC")));
        assertFalse(f.matches(Map.of()));
    }

    @Test
    void hashCollisionsAreCaughtByTheExactMatch() {
        // "Aa" and "BB" share a String hash code
        MessageFilter f = TagFilter.parse("Aa").orElseThrow();
        assertTrue(f.matchesTagHash(TagHash.of("BB"), false));
        assertFalse(f.matches(Map.of("TAGS", "BB")));
    }

    @Test
    void expressionWithoutTagsAndSql92AreRefused() {
        assertTrue(TagFilter.parse("||").isEmpty());
        assertFalse(SubscriptionFilters.compile(new Subscription("t", ExpressionType.SQL92, "a > 1")).ok());
        assertTrue(SubscriptionFilters.compile(new Subscription("t", ExpressionType.TAG, "A")).ok());
    }
}
