package io.ternmq.broker.filter;

/**
 * The language a subscription expression is written in.
 *
 * <p>Deliberately our own enum rather than the wire protocol's: the filter package must not depend on
 * {@code io.ternmq.protocol}; the broker maps the subscription's type onto this one at the seam.
 */
public enum ExpressionType {
    /** {@code *} or {@code TagA || TagB}: matches on the message tag, pre-filterable by tag hash code. */
    TAG,
    /** A SQL92-style boolean condition over message properties, e.g. {@code a > 5 AND region IN ('eu','us')}. */
    SQL92
}
