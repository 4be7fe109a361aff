package io.ternmq.broker.store.index;

/**
 * Turns index keys into 64-bit hashes. Business keys are scoped by topic; UNIQ_KEYs are global because
 * {@code queryById} has no topic. A collision only costs a wasted read: every hit is checked against the record.
 */
public final class IndexKeys {
    private IndexKeys() {
    }

    public static long businessKey(String topic, String key) {
        return fnv1a(fnv1a(fnv1a(0xcbf29ce484222325L, "K"), topic + '#'), key);
    }

    public static long uniqKey(String uniqKey) {
        return fnv1a(fnv1a(0xcbf29ce484222325L, "U"), uniqKey);
    }

    private static long fnv1a(long seed, String s) {
        long h = seed;
        for (int i = 0; i < s.length(); i++) {
            h ^= s.charAt(i);
            h *= 0x100000001b3L;
        }
        return h;
    }
}
