package io.ternmq.broker.store.commitlog;

/**
 * Whether appends are allowed. Two independent reasons close it: a fatal I/O error (sticky until restart, because
 * after a failed fsync the kernel may have dropped dirty pages) and a full disk (cleared when retention frees
 * space). Thread-safe.
 */
public final class WriteGate {
    private volatile String fatalError;
    private volatile boolean diskFull;
    private volatile String diskFullReason = "";

    public void fail(String reason) {
        if (fatalError == null) {
            fatalError = reason;
        }
    }

    public void diskFull(boolean full, String reason) {
        diskFullReason = reason;
        diskFull = full;
    }

    public String fatalError() {
        return fatalError;
    }

    public boolean isFailed() {
        return fatalError != null;
    }

    public boolean isDiskFull() {
        return diskFull;
    }

    public String diskFullReason() {
        return diskFullReason;
    }

    public boolean writable() {
        return fatalError == null && !diskFull;
    }
}
