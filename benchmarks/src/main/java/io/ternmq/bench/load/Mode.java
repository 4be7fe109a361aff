package io.ternmq.bench.load;

/** What the load tool does. */
public enum Mode {
    /** Only send; measures send throughput and send (ack) latency. */
    PRODUCE,
    /** Only read what is stored (from the first offset); measures consume throughput. */
    CONSUME,
    /** Send and read at once in this process; also measures produce-to-consume latency. */
    E2E;

    boolean produces() {
        return this != CONSUME;
    }

    boolean consumes() {
        return this != PRODUCE;
    }
}
