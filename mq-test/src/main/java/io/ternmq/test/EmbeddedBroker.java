package io.ternmq.test;

import io.ternmq.broker.Broker;
import io.ternmq.broker.config.BrokerConfig;
import io.ternmq.broker.config.ConfigLoader;
import io.ternmq.broker.spi.ProtocolHandler;
import io.ternmq.broker.store.FlushDiskType;
import io.ternmq.broker.store.MessageStores;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A real TernMQ broker inside the test JVM, listening on 127.0.0.1 on a free port, storing into a temporary
 * directory (deleted on {@link #close()}) or a directory you give it (kept).
 *
 * <pre>{@code
 * try (EmbeddedBroker broker = EmbeddedBroker.builder().config("autoCreateTopicEnable", "false").start()) {
 *     Producer producer = ...connect to broker.address()...
 * }
 * }</pre>
 *
 * <p>{@link #restart()} closes the broker gracefully and starts it again on the same directory and port, so clients
 * can reconnect to the same address and committed data and offsets are still there.
 *
 * <p>Thread-safe: lifecycle methods are synchronized.
 */
public final class EmbeddedBroker implements AutoCloseable {
    private final Path storeDir;
    private final boolean ownsDir;
    private final Map<String, String> settings;
    private final Clock clock;
    private Broker broker;
    private boolean closed;

    private EmbeddedBroker(Path storeDir, boolean ownsDir, Map<String, String> settings, Clock clock) {
        this.clock = clock;
        this.storeDir = storeDir;
        this.ownsDir = ownsDir;
        this.settings = settings;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds and starts a broker with defaults. */
    public static EmbeddedBroker startDefault() {
        return builder().start();
    }

    /** Options of an embedded broker. Not thread-safe; use from one thread. */
    public static final class Builder {
        private Path storeDir;
        private int port;
        private FlushDiskType flushDiskType = FlushDiskType.ASYNC_FLUSH;
        private Clock clock = Clock.systemUTC();
        private final Map<String, String> overrides = new LinkedHashMap<>();

        private Builder() {
        }

        /** Store in this directory (kept after close) instead of a temporary one. */
        public Builder storeDir(Path dir) {
            this.storeDir = dir;
            return this;
        }

        /** Listen on this port instead of a free one. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        public Builder flushDiskType(FlushDiskType type) {
            this.flushDiskType = type;
            return this;
        }

        /**
         * The broker's clock (store timestamps, delayed messages, retries). A clock the test moves lets a two-hour
         * delay pass at once; {@code broker().schedule().tick()} then delivers what is due without waiting for the
         * schedule thread.
         */
        public Builder clock(Clock clock) {
            this.clock = java.util.Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** Sets one broker.conf key (see docs/configuration.md). */
        public Builder config(String key, String value) {
            overrides.put(key, value);
            return this;
        }

        /** Sets broker.conf keys given as {@code key=value} strings. */
        public Builder config(String... keyValues) {
            for (String kv : keyValues) {
                int eq = kv.indexOf('=');
                if (eq <= 0) {
                    throw new IllegalArgumentException("expected key=value, got '" + kv + "'");
                }
                overrides.put(kv.substring(0, eq).trim(), kv.substring(eq + 1).trim());
            }
            return this;
        }

        /** Starts the broker; fails with the configuration problems when the overrides are invalid. */
        public EmbeddedBroker start() {
            boolean owns = storeDir == null;
            Path dir;
            try {
                dir = owns ? Files.createTempDirectory("ternmq-embedded-") : Files.createDirectories(storeDir);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create the store directory", e);
            }
            Map<String, String> settings = new LinkedHashMap<>();
            settings.put("storePathRootDir", dir.toString());
            settings.put("bindAddress", "127.0.0.1");
            settings.put("brokerIP1", "127.0.0.1");
            settings.put("brokerName", "embedded");
            settings.put("listenPort", Integer.toString(port > 0 ? port : freePort()));
            settings.put("flushDiskType", flushDiskType.name());
            // small files and few threads: tests start many brokers on small machines
            settings.put("mappedFileSizeCommitLog", Integer.toString(16 * 1024 * 1024));
            settings.put("serverWorkerThreads", "4");
            settings.put("serverSelectorThreads", "2");
            settings.put("flushConsumerOffsetInterval", "1000");
            // the Kafka adapter, when on the class path, must not collide on 9092 with other brokers or a real Kafka
            settings.put("kafkaListenPort", "0");
            settings.putAll(overrides);
            EmbeddedBroker embedded = new EmbeddedBroker(dir, owns, settings, clock);
            try {
                embedded.startBroker();
            } catch (RuntimeException e) {
                embedded.close();
                throw e;
            }
            return embedded;
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port", e);
        }
    }

    private void startBroker() {
        BrokerConfig config = ConfigLoader.fromMap(settings);
        broker = Broker.start(config, MessageStores::open, clock);
    }

    /** {@code 127.0.0.1:PORT}, what clients connect to. */
    public synchronized String address() {
        return "127.0.0.1:" + port();
    }

    public synchronized int port() {
        requireRunning();
        return broker.nativePort();
    }

    /**
     * {@code host:port} of the Kafka protocol listener (what Kafka clients use as {@code bootstrap.servers}).
     *
     * @throws IllegalStateException when the kafka-protocol-adapter is not on the class path or kafkaEnable=false
     */
    public synchronized String kafkaAddress() {
        requireRunning();
        return kafkaListener().orElseThrow(() -> new IllegalStateException("no Kafka listener: the kafka-protocol-adapter is not on "
                        + "the class path or kafkaEnable=false"));
    }

    private java.util.Optional<String> kafkaListener() {
        return broker.plugins().stream().filter(p -> p.name().equals("kafka"))
                .map(ProtocolHandler::listenAddress).filter(address -> address.contains(":")).findFirst();
    }

    /** The store root directory. */
    public Path storeDir() {
        return storeDir;
    }

    /** The running broker, for assertions on its core services. */
    public synchronized Broker broker() {
        requireRunning();
        return broker;
    }

    /** Closes the broker gracefully and starts it again on the same directory and port. */
    public synchronized EmbeddedBroker restart() {
        requireRunning();
        int port = broker.nativePort();
        String kafka = kafkaListener().orElse(null);
        broker.close();
        broker = null;
        settings.put("listenPort", Integer.toString(port));
        if (kafka != null && kafka.lastIndexOf(':') > 0) {
            // clients reconnect to the Kafka listener's address too
            settings.put("kafkaListenPort", kafka.substring(kafka.lastIndexOf(':') + 1));
        }
        startBroker();
        return this;
    }

    private void requireRunning() {
        if (broker == null) {
            throw new IllegalStateException(closed ? "embedded broker is closed" : "embedded broker is not running");
        }
    }

    /** Stops the broker and deletes its directory when it created it. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (broker != null) {
                broker.close();
                broker = null;
            }
        } finally {
            if (ownsDir) {
                deleteRecursively(storeDir);
            }
        }
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.delete(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                    Files.delete(d);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + dir, e);
        }
    }

    @Override
    public String toString() {
        return "EmbeddedBroker{" + (broker == null ? "stopped" : address()) + ", dir=" + storeDir + '}';
    }
}
