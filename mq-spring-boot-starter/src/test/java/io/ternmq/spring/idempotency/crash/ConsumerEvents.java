package io.ternmq.spring.idempotency.crash;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A {@link ConsumerEventLog} file as read by the test, while its process runs or after it died. A line still being
 * written (no newline yet) is left for the next read.
 */
final class ConsumerEvents {
    /**
     * A listener call: the order it recorded, the queue its message came from and the message's offset there
     * ("retry" and -1 for a message redelivered through the retry topic).
     */
    record Call(String orderId, String queue, long offset) {
        boolean retried() {
            return queue.equals(ConsumerEventLog.RETRY_QUEUE);
        }
    }

    private boolean ready;
    private int commits;
    private int rollbacks;
    private int deliveredOk;
    private int deliveredFailed;
    private int duplicates;
    private int retried;
    private int deadLettered;
    /** Calls started whose transaction neither committed nor rolled back (yet), by message id. */
    private final Map<String, Call> open = new LinkedHashMap<>();

    static ConsumerEvents read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            text = "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ConsumerEvents events = new ConsumerEvents();
        int end = text.lastIndexOf('\n');
        if (end >= 0) {
            text.substring(0, end).lines().forEach(events::add);
        }
        return events;
    }

    private void add(String line) {
        String[] f = line.split(" ");
        switch (f[0]) {
            case ConsumerEventLog.READY -> ready = true;
            case ConsumerEventLog.START -> {
                open.put(f[1], new Call(f[2], f[3], Long.parseLong(f[4])));
            }
            case ConsumerEventLog.COMMIT -> {
                commits++;
                open.remove(f[1]);
            }
            case ConsumerEventLog.ROLLBACK -> {
                rollbacks++;
                open.remove(f[1]);
            }
            case ConsumerEventLog.DUPLICATE -> duplicates++;
            case ConsumerEventLog.RETRIED -> retried++;
            case ConsumerEventLog.DEAD_LETTERED -> deadLettered++;
            default -> {
                if (line.equals(ConsumerEventLog.DELIVERED_OK)) {
                    deliveredOk++;
                } else if (line.equals(ConsumerEventLog.DELIVERED_FAILED)) {
                    deliveredFailed++;
                } else {
                    throw new IllegalStateException("unknown consumer event: " + line);
                }
            }
        }
    }

    /** Whether the application context is up. */
    boolean ready() {
        return ready;
    }

    /** Listener transactions committed: orders this process recorded. */
    int commits() {
        return commits;
    }

    int rollbacks() {
        return rollbacks;
    }

    /** Deliveries that finished normally (the listener ran, or its key was a duplicate). */
    int deliveredOk() {
        return deliveredOk;
    }

    int deliveredFailed() {
        return deliveredFailed;
    }

    /** Deliveries skipped as duplicates of a processed key: the duplicate counter. */
    int duplicates() {
        return duplicates;
    }

    int retried() {
        return retried;
    }

    int deadLettered() {
        return deadLettered;
    }

    /** Calls whose transaction had not ended, by message id; after a kill, the calls the kill cut. */
    Map<String, Call> openCalls() {
        return Collections.unmodifiableMap(open);
    }

    @Override
    public String toString() {
        return "ready=" + ready + " commits=" + commits + " rollbacks=" + rollbacks
                + " open=" + open.size() + " deliveredOk=" + deliveredOk + " deliveredFailed=" + deliveredFailed
                + " duplicates=" + duplicates + " retried=" + retried + " deadLettered=" + deadLettered;
    }
}
