package io.ternmq.spring.autoconfigure;

import java.time.Duration;

/** Listener containers, under {@code mq.listener.*}. */
public class ListenerProperties {
    /** Whether listener containers start with the application context. */
    private boolean autoStartup = true;

    /** Listener threads per @MQListener when the annotation does not say. */
    private int concurrency = 4;

    /** Longest wait for in-flight listener calls at shutdown. */
    private Duration shutdownTimeout = Duration.ofSeconds(30);

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
}
