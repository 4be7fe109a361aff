package io.ternmq.spring.idempotency.crash;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * What one consumer process of {@link IdempotentConsumerCrashTest} did, one line per event, appended to a file the
 * test reads after the process died ({@link ConsumerEvents}). Each line goes out in one unbuffered write, so it is in
 * the OS page cache, whole, as soon as the call returns: {@code kill -9} of the process cannot lose or cut it.
 *
 * <pre>
 * ready                          the application context is up and the listener started
 * start &lt;messageId&gt; &lt;orderId&gt; &lt;queue&gt; &lt;offset&gt;
 *                                the listener method began (its key is claimed in the open transaction); queue and
 *                                offset locate the message, "retry -1" for a redelivery through the retry topic
 * commit &lt;messageId&gt; &lt;orderId&gt;   that transaction committed
 * rollback &lt;messageId&gt; &lt;orderId&gt; that transaction rolled back
 * delivered ok|failed            a delivery finished, whatever the guard decided (MQMetrics.consumed)
 * duplicate                      a delivery skipped, its key was processed before (MQMetrics.duplicateSkipped)
 * retried                        a delivery handed back for redelivery (MQMetrics.retried)
 * dead-lettered                  a delivery sent to the dead-letter queue (MQMetrics.deadLettered)
 * </pre>
 *
 * Thread-safe.
 */
final class ConsumerEventLog implements AutoCloseable {
    static final String READY = "ready";
    static final String START = "start";
    static final String COMMIT = "commit";
    static final String ROLLBACK = "rollback";
    static final String DELIVERED_OK = "delivered ok";
    static final String DELIVERED_FAILED = "delivered failed";
    static final String DUPLICATE = "duplicate";
    static final String RETRIED = "retried";
    static final String DEAD_LETTERED = "dead-lettered";
    static final String RETRY_QUEUE = "retry";

    private final OutputStream out;

    ConsumerEventLog(Path file) {
        try {
            this.out = Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void append(String event) {
        byte[] line = (event + "\n").getBytes(StandardCharsets.UTF_8);
        synchronized (this) {
            try {
                out.write(line);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    void started(String messageId, String orderId, String queue, long offset) {
        append(START + " " + messageId + " " + orderId + " " + queue + " " + offset);
    }

    void ended(boolean committed, String messageId, String orderId) {
        append((committed ? COMMIT : ROLLBACK) + " " + messageId + " " + orderId);
    }

    @Override
    public synchronized void close() throws IOException {
        out.close();
    }
}
