package io.ternmq.kafka.record;

/**
 * A record batch (or the RECORDS bytes around it) that cannot be accepted. The only exception that reading
 * untrusted batch bytes may throw; {@link #status()} says which Kafka error it stands for.
 */
public final class InvalidBatchException extends Exception {
    private final BatchStatus status;

    public InvalidBatchException(BatchStatus status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    public BatchStatus status() {
        return status;
    }

    @Override
    public String getMessage() {
        return status + ": " + super.getMessage();
    }
}
