package io.ternmq.broker.store.io;

/** Segment file names: the 20-digit zero-padded start offset, so that names sort like offsets. */
public final class FileNames {
    private FileNames() {
    }

    public static String ofOffset(long offset) {
        return String.format("%020d", offset);
    }

    /** @return the offset, or -1 when the name is not a segment name (temp files, strays) */
    public static long parseOffset(String name) {
        if (name.length() != 20) {
            return -1;
        }
        for (int i = 0; i < 20; i++) {
            if (!Character.isDigit(name.charAt(i))) {
                return -1;
            }
        }
        return Long.parseLong(name);
    }
}
