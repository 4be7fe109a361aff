package io.ternmq.protocol;

/**
 * Versions of the native protocol. Every frame carries the version its body is encoded with; a connection
 * starts with {@code HELLO}, where the client offers a range and the broker picks the highest it supports.
 * Bodies only ever grow at the end, guarded by a version check, so an old client keeps working against a new
 * broker.
 */
public final class ProtocolVersion {
    /** Oldest version this build can still read and write. */
    public static final int MIN_SUPPORTED = 1;
    /** Newest version this build speaks. */
    public static final int CURRENT = 2;
    /** First version with SEND_MULTI; a client uses it only on a connection that negotiated at least this. */
    public static final int SEND_MULTI_SINCE = 2;

    private ProtocolVersion() {
    }

    public static boolean isSupported(int version) {
        return version >= MIN_SUPPORTED && version <= CURRENT;
    }

    /** The highest version in both ranges, or -1 when they do not overlap. */
    public static int negotiate(int clientMin, int clientMax) {
        int chosen = Math.min(clientMax, CURRENT);
        return chosen >= Math.max(clientMin, MIN_SUPPORTED) ? chosen : -1;
    }
}
