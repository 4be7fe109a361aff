package io.ternmq.broker.stats;

import java.util.concurrent.atomic.LongAdder;

/**
 * Running totals for BROKER_STATUS. Thread-safe (striped counters: cheap on the send and pull paths).
 */
public final class BrokerStats {
    private final long startMillis;
    private final LongAdder messagesIn = new LongAdder();
    private final LongAdder messagesOut = new LongAdder();
    private final LongAdder bytesIn = new LongAdder();
    private final LongAdder bytesOut = new LongAdder();

    public BrokerStats(long startMillis) {
        this.startMillis = startMillis;
    }

    public void recordIn(int messages, long bytes) {
        messagesIn.add(messages);
        bytesIn.add(bytes);
    }

    public void recordOut(int messages, long bytes) {
        messagesOut.add(messages);
        bytesOut.add(bytes);
    }

    public long startMillis() {
        return startMillis;
    }

    public long messagesIn() {
        return messagesIn.sum();
    }

    public long messagesOut() {
        return messagesOut.sum();
    }

    public long bytesIn() {
        return bytesIn.sum();
    }

    public long bytesOut() {
        return bytesOut.sum();
    }
}
