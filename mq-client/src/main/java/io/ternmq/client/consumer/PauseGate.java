package io.ternmq.client.consumer;

import java.util.ArrayList;
import java.util.List;

/**
 * The paused/running switch of a push consumer. While paused, the pull loops and the consume services park the
 * step they were about to take ({@link #holdIfPaused}) instead of pulling or calling the listener; {@link #resume()}
 * runs every parked step. Nothing is dropped and nothing is polled: a parked step costs one list entry, and a queue
 * that was dropped meanwhile ends its parked step as soon as it runs, as it would have anyway.
 *
 * <p>Thread-safe: the flag and the parked steps are guarded by {@code this}, so a step is either parked before
 * {@link #resume()} takes the list, or it sees the gate open and runs at once; none is forgotten.
 */
final class PauseGate {
    private boolean paused;
    private List<Runnable> parked = new ArrayList<>();

    /** Closes the gate: steps asking from now on are parked until {@link #resume()}. */
    synchronized void pause() {
        paused = true;
    }

    /** Opens the gate and runs the parked steps (on the calling thread; each only schedules work). */
    void resume() {
        List<Runnable> steps;
        synchronized (this) {
            if (!paused) {
                return;
            }
            paused = false;
            steps = parked;
            parked = new ArrayList<>();
        }
        for (Runnable step : steps) {
            step.run();
        }
    }

    synchronized boolean isPaused() {
        return paused;
    }

    /**
     * Parks {@code step} and returns true when the gate is closed; returns false (the caller goes on at once) when
     * it is open.
     */
    synchronized boolean holdIfPaused(Runnable step) {
        if (!paused) {
            return false;
        }
        parked.add(step);
        return true;
    }
}
