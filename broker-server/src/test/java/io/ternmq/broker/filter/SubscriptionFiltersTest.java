package io.ternmq.broker.filter;

import io.ternmq.broker.store.MessageFilter;
import io.ternmq.broker.store.TagHash;
import io.ternmq.protocol.message.ExpressionType;
import io.ternmq.protocol.message.Subscription;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SubscriptionFiltersTest {

    private static MessageFilter tag(String expression) {
        return SubscriptionFilters.compile(new Subscription("t", ExpressionType.TAG, expression)).filter();
    }

    @Test
    void starBlankAndNullAcceptEverything() {
        assertSame(MessageFilter.ACCEPT_ALL, tag("*"));
        assertSame(MessageFilter.ACCEPT_ALL, tag(" "));
        assertSame(MessageFilter.ACCEPT_ALL, tag(null));
        assertSame(MessageFilter.ACCEPT_ALL, SubscriptionFilters.compile(null).filter());
    }

    @Test
    void tagListMatchesByHashThenByExactTag() {
        MessageFilter f = tag("TagA || TagB");
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
        MessageFilter f = tag("Aa");
        assertTrue(f.matchesTagHash(TagHash.of("BB"), false));
        assertFalse(f.matches(Map.of("TAGS", "BB")));
    }

    @Test
    void sql92FiltersOnPropertiesAndPassesEveryTagHash() {
        SubscriptionFilters.Compiled c = SubscriptionFilters.compile(
                new Subscription("t", ExpressionType.SQL92, "amount > 100 AND region IN ('eu', 'us')"));
        assertTrue(c.ok());
        assertTrue(c.filter().matchesTagHash(TagHash.of("anything"), false));
        assertTrue(c.filter().matches(Map.of("amount", "150", "region", "eu")));
        assertFalse(c.filter().matches(Map.of("amount", "50", "region", "eu")));
        assertFalse(c.filter().matches(Map.of("region", "eu")));
    }

    @Test
    void badExpressionsAreRefusedWithTheFailingColumn() {
        SubscriptionFilters.Compiled tags = SubscriptionFilters.compile(new Subscription("t", ExpressionType.TAG, "||"));
        assertFalse(tags.ok());
        assertNull(tags.filter());
        SubscriptionFilters.Compiled sql = SubscriptionFilters.compile(
                new Subscription("t", ExpressionType.SQL92, "a > 3 AND (b < 2"));
        assertFalse(sql.ok());
        assertTrue(sql.problem().contains("column 17"), sql.problem());
    }
}
