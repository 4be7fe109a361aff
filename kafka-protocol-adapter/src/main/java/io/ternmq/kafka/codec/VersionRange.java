package io.ternmq.kafka.codec;

/**
 * An inclusive range of protocol versions, as written in Kafka's schemas ({@code "3+"}, {@code "0-12"},
 * {@code "none"}). Immutable.
 */
public record VersionRange(short lowest, short highest) {
    /** The empty range, Kafka's {@code "none"}. */
    public static final VersionRange NONE = new VersionRange((short) 0, (short) -1);
    /** Every version, Kafka's {@code "0+"}. */
    public static final VersionRange ALL = from(0);

    /** {@code lowest+}: from a version on, with no upper bound. */
    public static VersionRange from(int lowest) {
        return new VersionRange((short) lowest, Short.MAX_VALUE);
    }

    /** {@code lowest-highest}, both inclusive. */
    public static VersionRange between(int lowest, int highest) {
        return new VersionRange((short) lowest, (short) highest);
    }

    public boolean contains(int version) {
        return version >= lowest && version <= highest;
    }

    public boolean isEmpty() {
        return highest < lowest;
    }

    @Override
    public String toString() {
        if (isEmpty()) {
            return "none";
        }
        return highest == Short.MAX_VALUE ? lowest + "+" : lowest + "-" + highest;
    }
}
