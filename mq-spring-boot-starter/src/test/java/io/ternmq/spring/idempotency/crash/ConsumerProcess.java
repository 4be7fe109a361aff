package io.ternmq.spring.idempotency.crash;

import io.ternmq.spring.testing.ChildJvm;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * One running {@link IdempotentOrderConsumerApp} process, seen from the test: its {@link ConsumerEvents} (read from
 * its event file), waits on them, and the two ways it ends, killed or stopped.
 */
final class ConsumerProcess {
    /** How long a child may take to start and show progress on a loaded machine. */
    private static final Duration PROGRESS_TIMEOUT = Duration.ofSeconds(60);
    /** Polls of the event file: often, so that a kill lands while the awaited calls are still in flight. */
    private static final Duration EVENTS_POLL = Duration.ofMillis(10);

    private final String name;
    private final Path events;
    private final Path log;
    private final Process process;

    private ConsumerProcess(String name, Path events, Path log, Process process) {
        this.name = name;
        this.events = events;
        this.log = log;
        this.process = process;
    }

    /** Starts {@code jvm} as consumer {@code name}, with its event file and log in {@code dir}. */
    static ConsumerProcess start(String name, ChildJvm jvm, Path dir) throws IOException {
        Path events = dir.resolve(name + ".events");
        Path log = dir.resolve(name + ".log");
        Process process = jvm.property("consumer.name", name).property("consumer.events", events).start(log);
        return new ConsumerProcess(name, events, log, process);
    }

    String name() {
        return name;
    }

    ConsumerEvents events() {
        return ConsumerEvents.read(events);
    }

    /** Waits until the application context is up and the listener started. */
    void awaitReady() throws InterruptedException {
        await(() -> "ready", PROGRESS_TIMEOUT, EVENTS_POLL, () -> events().ready());
    }

    /**
     * Waits until this process committed at least {@code count} orders and has a listener call in flight (started,
     * its transaction not ended): the moment to kill it mid-batch.
     */
    void awaitCommitsAndACallInFlight(int count) throws InterruptedException {
        await(() -> "at least " + count + " committed orders and a call in flight", PROGRESS_TIMEOUT, EVENTS_POLL,
                () -> midBatch(events(), count));
    }

    /**
     * Waits until one of {@code processes} committed at least {@code count} orders and has a call in flight, and
     * returns it; fails if one of them dies first.
     */
    static ConsumerProcess awaitFirstMidBatch(int count, ConsumerProcess... processes) throws InterruptedException {
        long deadline = System.nanoTime() + PROGRESS_TIMEOUT.toNanos();
        while (true) {
            for (ConsumerProcess p : processes) {
                if (midBatch(p.events(), count)) {
                    return p;
                }
                p.requireAlive(() -> count + " committed orders with a call in flight");
            }
            if (System.nanoTime() > deadline) {
                StringBuilder state = new StringBuilder();
                for (ConsumerProcess p : processes) {
                    state.append("\n").append(p.name).append(": ").append(p.events()).append("\n").append(p.logTail());
                }
                throw new AssertionError("none of " + List.of(processes) + " reached " + count + " committed "
                        + "orders with a call in flight in " + PROGRESS_TIMEOUT + state);
            }
            Thread.sleep(EVENTS_POLL.toMillis());
        }
    }

    private static boolean midBatch(ConsumerEvents events, int commits) {
        return events.commits() >= commits && !events.openCalls().isEmpty();
    }

    /**
     * Waits until {@code condition} holds, testing it every {@code poll}; fails, saying {@code what} was awaited and
     * showing the process's log, at the timeout or at once if the process died.
     */
    void await(Supplier<String> what, Duration timeout, Duration poll, BooleanSupplier condition)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            requireAlive(what);
            if (System.nanoTime() > deadline) {
                throw new AssertionError(name + " did not reach " + what.get() + " in " + timeout + "; events: "
                        + events() + "\n" + logTail());
            }
            Thread.sleep(poll.toMillis());
        }
    }

    private void requireAlive(Supplier<String> what) {
        if (!process.isAlive()) {
            throw new AssertionError(name + " exited with " + process.exitValue() + " while waiting for "
                    + what.get() + "; events: " + events() + "\n" + logTail());
        }
    }

    /** SIGKILL; returns what the process had done when it died. */
    ConsumerEvents kill() throws InterruptedException {
        ChildJvm.kill(process);
        return events();
    }

    /**
     * SIGTERM: Boot's shutdown hook closes the context, so the listener stops gracefully; waits for the exit and
     * returns what the process had done.
     */
    ConsumerEvents stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            ChildJvm.kill(process);
            throw new AssertionError(name + " did not stop within 60 s of SIGTERM\n" + logTail());
        }
        if (process.exitValue() != 143) {
            throw new AssertionError(name + " exited with " + process.exitValue() + " on SIGTERM, not 143\n"
                    + logTail());
        }
        return events();
    }

    /** SIGKILL if it still runs, for clean-up after a failure; does not wait. */
    void destroy() {
        process.destroyForcibly();
    }

    @Override
    public String toString() {
        return name;
    }

    String logTail() {
        return "--- last lines of " + log + " ---\n" + ChildJvm.tail(log, 40);
    }
}
