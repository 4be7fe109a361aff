package io.ternmq.spring.autoconfigure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Listener containers, under {@code mq.listener.*}. */
public class ListenerProperties {
    /** Whether listener containers start with the application context (@MQListener(autoStartup) overrides it). */
    private boolean autoStartup = true;

    /** Listener threads per @MQListener when the annotation does not say. */
    private int concurrency = 4;

    /** Longest wait for in-flight listener calls at shutdown (or when a container is stopped). */
    private Duration shutdownTimeout = Duration.ofSeconds(30);

    /**
     * Exception types that are not worth retrying: a listener call failing with one of them (or with one in its
     * cause chain) sends the message straight to the dead-letter queue, like a conversion error does.
     */
    private List<Class<? extends Throwable>> notRetryableExceptions = new ArrayList<>();

    public boolean isAutoStartup() {
        return autoStartup;
    }

    public void setAutoStartup(boolean autoStartup) {
        this.autoStartup = autoStartup;
    }

    public int getConcurrency() {
        return concurrency;
    }

    public void setConcurrency(int concurrency) {
        this.concurrency = concurrency;
    }

    public Duration getShutdownTimeout() {
        return shutdownTimeout;
    }

    public void setShutdownTimeout(Duration shutdownTimeout) {
        this.shutdownTimeout = shutdownTimeout;
    }

    public List<Class<? extends Throwable>> getNotRetryableExceptions() {
        return notRetryableExceptions;
    }

    public void setNotRetryableExceptions(List<Class<? extends Throwable>> notRetryableExceptions) {
        this.notRetryableExceptions = notRetryableExceptions;
    }
}
