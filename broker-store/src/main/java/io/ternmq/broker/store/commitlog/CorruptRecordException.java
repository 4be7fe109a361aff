package io.ternmq.broker.store.commitlog;

/** A CommitLog record failed its CRC or structural checks. Never served; recovery truncates from it. */
public class CorruptRecordException extends Exception {
    private final long offset;

    public CorruptRecordException(long offset, String reason) {
        super("corrupt CommitLog record at offset " + offset + ": " + reason);
        this.offset = offset;
    }

    public long offset() {
        return offset;
    }
}
