package io.ternmq.cli;

/** RocketMQ-style topic permission bits, shown as text. */
final class Permissions {
    private static final int WRITE = 2;
    private static final int READ = 4;

    private Permissions() {
    }

    /** 6 -> "RW", 4 -> "R", 2 -> "W", 0 -> "-". */
    static String describe(int perm) {
        String s = ((perm & READ) != 0 ? "R" : "") + ((perm & WRITE) != 0 ? "W" : "");
        return s.isEmpty() ? "-" : s;
    }
}
