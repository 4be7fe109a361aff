package io.ternmq.broker.store.read;

/**
 * Broker message ids: 24 upper-case hex digits, the CommitLog offset of the entry (16) followed by the message's
 * index inside the entry (8). {@code queryById} decodes them and reads the record directly.
 */
public final class MessageIds {
    public static final int LENGTH = 24;
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private MessageIds() {
    }

    public static String of(long commitLogOffset, int indexInEntry) {
        char[] out = new char[LENGTH];
        for (int i = 15; i >= 0; i--) {
            out[i] = HEX[(int) (commitLogOffset & 0xF)];
            commitLogOffset >>>= 4;
        }
        for (int i = 23; i >= 16; i--) {
            out[i] = HEX[indexInEntry & 0xF];
            indexInEntry >>>= 4;
        }
        return new String(out);
    }

    /** @return {offset, index}, or null when {@code id} is not a broker message id */
    public static long[] decode(String id) {
        if (id == null || id.length() != LENGTH) {
            return null;
        }
        for (int i = 0; i < LENGTH; i++) {
            if (Character.digit(id.charAt(i), 16) < 0) {
                return null;
            }
        }
        long offset = Long.parseUnsignedLong(id.substring(0, 16), 16);
        long index = Long.parseLong(id.substring(16), 16);
        return offset < 0 || index > Integer.MAX_VALUE ? null : new long[] {offset, index};
    }
}
