package io.ternmq.spring.transaction;

import io.ternmq.client.producer.TransactionProducer;
import org.springframework.context.SmartLifecycle;

/**
 * Starts the transactional producer once every singleton exists (so a check-back that arrives at once finds the
 * application's {@link MQTransactionChecker} ready) and closes it at shutdown. Its phase is early: the producer
 * starts before and stops after listener containers and anything else that may send in a transaction.
 */
public final class TransactionProducerLifecycle implements SmartLifecycle {
    /** Started before (stopped after) beans of the default phase, such as listener containers. */
    public static final int PHASE = Integer.MIN_VALUE + 1000;

    private final TransactionProducer producer;
    private volatile boolean running;
    private boolean started;
    private boolean closed;

    public TransactionProducerLifecycle(TransactionProducer producer) {
        this.producer = producer;
    }

    @Override
    public synchronized void start() {
        if (closed) {
            throw new IllegalStateException("the transactional producer of group " + producer.producerGroup()
                    + " was closed when the context stopped and cannot start again");
        }
        if (!started) {
            producer.start();
            started = true;
        }
        running = true;
    }

    /**
     * Closes the producer: it leaves its group, so check-backs go to the group's other live members. A stopped
     * producer cannot start again.
     */
    @Override
    public synchronized void stop() {
        running = false;
        closed = true;
        producer.close();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }
}
