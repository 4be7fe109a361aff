package io.ternmq.broker.store.flush;

/** The background service that makes CommitLog writes durable. {@link #stop()} flushes one last time. */
public interface CommitLogFlusher {
    void start();

    void stop();
}
