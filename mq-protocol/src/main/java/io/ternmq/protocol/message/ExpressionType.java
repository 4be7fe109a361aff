package io.ternmq.protocol.message;

/** Kind of subscription expression. */
public enum ExpressionType {
    /** {@code *} or {@code TagA || TagB}. */
    TAG,
    /** SQL92 over message properties. */
    SQL92
}
