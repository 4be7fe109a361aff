package io.ternmq.spring.core;

import io.ternmq.client.ClientConfig;
import io.ternmq.client.admin.AdminClient;
import io.ternmq.client.consumer.ConsumeFromWhere;
import io.ternmq.client.consumer.ConsumeStatus;
import io.ternmq.client.consumer.MessageExt;
import io.ternmq.client.consumer.PushConsumer;
import io.ternmq.protocol.message.MessageModel;
import io.ternmq.spring.support.MQHeaders;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

/**
 * The reply side of request-reply for one {@link MQTemplate}: a reply topic of its own, a consumer on it and the
 * replies awaited, by correlation id.
 *
 * <p>The topic is {@code REPLY_<client id>_<random>} with one queue. Nothing touches the broker until the first
 * request: then the topic is created through the {@link AdminClient} (so request-reply works on a broker with
 * {@code autoCreateTopicEnable=false}) and a BROADCASTING consumer starts reading it from its first offset, so a
 * reply that arrives before the consumer's first pull is not missed. Broadcasting keeps the consumer's offsets in a
 * temporary local directory instead of a group on the broker. {@link #close()} stops the consumer, deletes the topic
 * (best effort) and fails the replies still awaited.
 *
 * <p>A reply is any message on the topic whose {@link MQHeaders#CORRELATION_ID} property matches an awaited request;
 * others (late replies after a timeout) are dropped. Thread-safe.
 */
public final class ReplyInbox implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(ReplyInbox.class.getName());

    private final ClientConfig clientConfig;
    private final AdminClient admin;
    private final String topic;
    private final Map<String, CompletableFuture<MessageExt>> awaited = new ConcurrentHashMap<>();
    private PushConsumer consumer; // guarded by this
    private Path offsetDir; // guarded by this
    private boolean closed; // guarded by this

    /**
     * @param clientConfig the application's shared client settings; the consumer gets a client id of its own
     * @param admin        creates and deletes the reply topic
     */
    public ReplyInbox(ClientConfig clientConfig, AdminClient admin) {
        this.clientConfig = Objects.requireNonNull(clientConfig, "clientConfig");
        this.admin = Objects.requireNonNull(admin, "admin");
        this.topic = topicName(clientConfig.clientId());
    }

    /** {@code REPLY_} + the client id with every character a topic may not have replaced by '_' + 8 random hex digits. */
    static String topicName(String clientId) {
        String id = clientId.replaceAll("[^A-Za-z0-9_-]", "_");
        String suffix = "_" + String.format("%08x", ThreadLocalRandom.current().nextInt());
        int room = 127 - "REPLY_".length() - suffix.length();
        return "REPLY_" + (id.length() > room ? id.substring(0, room) : id) + suffix;
    }

    /** The reply topic requests name in {@link MQHeaders#REPLY_TO}. */
    public String topic() {
        return topic;
    }

    /**
     * Registers a request about to be sent and makes sure the topic and its consumer exist.
     *
     * @return completes with the reply; the caller removes it with {@link #forget} when it stops waiting
     * @throws io.ternmq.client.MQClientException when the topic cannot be created or the consumer cannot start
     */
    public CompletableFuture<MessageExt> expect(String correlationId) {
        ensureStarted();
        CompletableFuture<MessageExt> reply = new CompletableFuture<>();
        if (awaited.putIfAbsent(correlationId, reply) != null) {
            throw new IllegalStateException("correlation id " + correlationId + " is already awaited");
        }
        return reply;
    }

    /** Stops waiting for a reply (after a timeout or a failed send). */
    public void forget(String correlationId) {
        awaited.remove(correlationId);
    }

    /** Replies awaited right now. */
    public int awaitedCount() {
        return awaited.size();
    }

    private synchronized void ensureStarted() {
        if (closed) {
            throw new IllegalStateException("the reply inbox of topic " + topic + " is closed");
        }
        if (consumer != null) {
            return;
        }
        admin.createTopic(topic, 1);
        Path dir = null;
        PushConsumer c = null;
        try {
            dir = Files.createTempDirectory("ternmq-reply-");
            c = PushConsumer.builder()
                    .clientConfig(ClientConfigs.forRole(clientConfig, "reply-" + topic.substring(topic.length() - 8)))
                    .consumerGroup(topic).subscribe(topic, "*").messageModel(MessageModel.BROADCASTING)
                    .consumeFromWhere(ConsumeFromWhere.FIRST_OFFSET).offsetStoreDir(dir).consumeThreads(2).build();
            c.registerListener((messages, context) -> {
                messages.forEach(this::deliver);
                return ConsumeStatus.CONSUME_SUCCESS;
            });
            c.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the reply consumer's offset directory", e);
        } catch (RuntimeException e) {
            if (c != null) {
                c.shutdown();
            }
            deleteQuietly(dir);
            throw e;
        }
        consumer = c;
        offsetDir = dir;
    }

    private void deliver(MessageExt reply) {
        String id = reply.property(MQHeaders.CORRELATION_ID);
        CompletableFuture<MessageExt> future = id == null ? null : awaited.remove(id);
        if (future == null) {
            LOG.log(System.Logger.Level.DEBUG, "dropping a reply on {0} that nobody awaits (correlation id {1})",
                    topic, id);
            return;
        }
        future.complete(reply);
    }

    /** Stops the consumer, deletes the reply topic if it was created, and fails the replies still awaited. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        awaited.values().forEach(f -> f.completeExceptionally(
                new IllegalStateException("the reply inbox of topic " + topic + " closed before the reply came")));
        awaited.clear();
        if (consumer == null) {
            return;
        }
        consumer.shutdown();
        try {
            admin.deleteTopic(topic);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "could not delete reply topic " + topic + ": " + e.getMessage());
        }
        deleteQuietly(offsetDir);
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            List<Path> all = files.sorted(Comparator.reverseOrder()).toList();
            for (Path p : all) {
                Files.deleteIfExists(p);
            }
        } catch (IOException | UncheckedIOException e) {
            LOG.log(System.Logger.Level.DEBUG, "could not delete " + dir + ": " + e);
        }
    }
}
