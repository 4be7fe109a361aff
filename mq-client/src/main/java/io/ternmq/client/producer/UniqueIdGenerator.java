package io.ternmq.client.producer;

import java.net.InetAddress;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Generates message UNIQ_KEYs: 32 upper-case hex digits = 16 bytes
 * {@code ip(4) | pid(2) | nonce(2) | sequence(8)}, where the sequence starts at {@code startMillis << 16} and counts
 * up. The prefix tells hosts and processes apart; the time-seeded sequence keeps ids of successive runs of one
 * process apart (unless one run created over 65,536 ids per millisecond of the gap between the two starts), and ids
 * from one generator sort in creation order. Thread-safe and lock-free.
 */
public final class UniqueIdGenerator {
    private static final UniqueIdGenerator DEFAULT = new UniqueIdGenerator(localAddress(),
            (int) ProcessHandle.current().pid(), new SecureRandom().nextInt(), System.currentTimeMillis());

    private final String prefix;
    private final AtomicLong sequence;

    UniqueIdGenerator(byte[] ipv4, int pid, int nonce, long startMillis) {
        byte[] p = new byte[8];
        System.arraycopy(ipv4, 0, p, 0, 4);
        p[4] = (byte) (pid >>> 8);
        p[5] = (byte) pid;
        p[6] = (byte) (nonce >>> 8);
        p[7] = (byte) nonce;
        this.prefix = HexFormat.of().withUpperCase().formatHex(p);
        this.sequence = new AtomicLong(startMillis << 16);
    }

    /** The process-wide generator. */
    public static UniqueIdGenerator instance() {
        return DEFAULT;
    }

    public String next() {
        return prefix + HexFormat.of().withUpperCase().toHexDigits(sequence.getAndIncrement());
    }

    private static byte[] localAddress() {
        try {
            byte[] a = InetAddress.getLocalHost().getAddress();
            if (a.length == 4) {
                return a;
            }
        } catch (java.io.IOException ignored) {
            // fall through: an unresolvable host name still gets unique ids from pid, nonce and time
        }
        return new byte[]{127, 0, 0, 1};
    }
}
