package io.ternmq.client.consumer;

import io.ternmq.client.MessageQueue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collection;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Broadcasting offsets, kept by the client in {@code <dir>/<group>/<instance>.offsets}: a properties file with one
 * {@code topic#queueId=offset} line per queue. Written to a temporary file, forced to disk, then atomically renamed
 * over the old one, so a crash leaves either the old or the new file, never a torn one. Thread-safe.
 */
final class LocalFileOffsetStore implements OffsetStore {
    private final Path file;
    private final Map<MessageQueue, Long> offsets = new ConcurrentHashMap<>();

    LocalFileOffsetStore(Path dir, String group, String instanceName) {
        this.file = dir.resolve(group.replaceAll("[^A-Za-z0-9_.%-]", "_"))
                .resolve(instanceName.replaceAll("[^A-Za-z0-9_.-]", "_") + ".offsets");
        load();
    }

    Path file() {
        return file;
    }

    private void load() {
        if (!Files.exists(file)) {
            return;
        }
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read offsets from " + file, e);
        }
        for (String name : p.stringPropertyNames()) {
            int hash = name.lastIndexOf('#');
            if (hash > 0) {
                offsets.put(new MessageQueue(name.substring(0, hash), Integer.parseInt(name.substring(hash + 1))),
                        Long.parseLong(p.getProperty(name)));
            }
        }
    }

    @Override
    public CompletableFuture<OptionalLong> read(MessageQueue mq) {
        Long o = offsets.get(mq);
        return CompletableFuture.completedFuture(o == null ? OptionalLong.empty() : OptionalLong.of(o));
    }

    @Override
    public void update(MessageQueue mq, long offset, boolean force) {
        if (offset < 0) {
            return;
        }
        offsets.merge(mq, offset, (old, neu) -> force ? neu : Math.max(old, neu));
    }

    @Override
    public long current(MessageQueue mq) {
        return offsets.getOrDefault(mq, -1L);
    }

    /** Writes every known queue (the file holds them all), whatever subset is asked for. */
    @Override
    public synchronized void persist(Collection<MessageQueue> queues) {
        Properties p = new Properties();
        offsets.forEach((mq, o) -> p.setProperty(mq.topic() + "#" + mq.queueId(), Long.toString(o)));
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            try (OutputStream out = Files.newOutputStream(tmp)) {
                p.store(out, "TernMQ broadcasting offsets");
            }
            try (var ch = java.nio.channels.FileChannel.open(tmp, java.nio.file.StandardOpenOption.WRITE)) {
                ch.force(true);
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write offsets to " + file, e);
        }
    }

    /** Broadcasting never gives queues away, so the offset stays in the file. */
    @Override
    public void remove(MessageQueue mq) {
    }
}
