package io.ternmq.broker.filter;

import java.util.Map;

/**
 * A subscription expression compiled once and evaluated for every candidate message.
 *
 * <p>Matching happens in two steps, mirroring how the store is read: {@link #matchesTagHash(long)} is the
 * cheap pre-filter on the 8-byte tag hash code each ConsumeQueue entry keeps (hash collisions are possible,
 * so it may say yes wrongly but never no wrongly), and {@link #matches(Map)} is the exact check on the
 * message's properties once it has been read from the commit log.
 *
 * <p>Implementations are immutable and thread-safe: one instance is shared by every pull of a subscription.
 * Neither method throws, whatever the properties hold.
 */
public interface CompiledFilter {

    /** The language of {@link #expression()}. */
    ExpressionType type();

    /** The expression as submitted. */
    String expression();

    /**
     * Pre-filter on a ConsumeQueue entry's tag hash code ({@code tag.hashCode()}, sign-extended to a long,
     * or 0 for a message without a tag). Always {@code true} for SQL92 filters and for the TAG filter {@code *}.
     */
    boolean matchesTagHash(long tagHash);

    /**
     * Exact check on a message's properties. The message tag is the {@value FilterExpressions#TAGS_PROPERTY}
     * property. A {@code null} map is treated as empty.
     */
    boolean matches(Map<String, String> properties);
}
