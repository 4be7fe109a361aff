package io.ternmq.spring.idempotency.crash;

/** A consumer process that ended: its name, what its event file shows, and whether it was killed or stopped. */
record EndedConsumer(String name, ConsumerEvents events, boolean killed) {

    /** Killed while a listener call was in flight: the kill cut a transaction. */
    boolean killedMidBatch() {
        return killed && !events.openCalls().isEmpty();
    }

    @Override
    public String toString() {
        return name + (killed ? " (killed): " : " (stopped): ") + events;
    }
}
