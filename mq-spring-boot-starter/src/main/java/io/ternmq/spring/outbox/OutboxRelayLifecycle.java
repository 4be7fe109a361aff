package io.ternmq.spring.outbox;

import io.ternmq.client.producer.Producer;
import io.ternmq.outbox.relay.OutboxRelay;
import org.springframework.context.SmartLifecycle;

/**
 * Runs the outbox relay while the application context runs. When the relay was given a producer of its own (no
 * {@code mqProducer} bean), that producer is started and closed here too. Stopping lets a relay round in progress
 * finish.
 */
public final class OutboxRelayLifecycle implements SmartLifecycle {
    private final OutboxRelay relay;
    private final Producer ownProducer;
    private volatile boolean running;
    private boolean closed;

    /**
     * @param ownProducer null, or a producer that only the relay uses and this lifecycle starts and closes
     */
    public OutboxRelayLifecycle(OutboxRelay relay, Producer ownProducer) {
        this.relay = relay;
        this.ownProducer = ownProducer;
    }

    @Override
    public synchronized void start() {
        if (closed) {
            throw new IllegalStateException("the outbox relay was closed when the context stopped and cannot start "
                    + "again");
        }
        if (!running) {
            if (ownProducer != null) {
                ownProducer.start();
            }
            relay.start();
            running = true;
        }
    }

    @Override
    public synchronized void stop() {
        if (closed) {
            return;
        }
        running = false;
        closed = true;
        relay.close();
        if (ownProducer != null) {
            ownProducer.close();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
