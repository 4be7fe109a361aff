package io.ternmq.test.db;

import java.lang.reflect.Method;
import java.net.URI;

/**
 * A MySQL 8 server in a Docker container through Testcontainers, used when the test classpath has
 * {@code org.testcontainers:testcontainers-mysql} (2.x) and a Docker engine answers. Reached by reflection so that
 * mq-test does not drag Testcontainers and a Docker client into every test classpath; without either, the caller falls
 * back to MariaDB from Maven Central.
 *
 * <p>Not exercised by this repository's CI, which has no Docker engine: the MariaDB path is what runs there.
 */
final class MySqlContainerServer {
    static final String IMAGE = "mysql:8.4";
    private static final String FACTORY = "org.testcontainers.DockerClientFactory";
    private static final String CONTAINER = "org.testcontainers.mysql.MySQLContainer";

    private MySqlContainerServer() {
    }

    /** Whether Testcontainers' MySQL module is on the classpath and Docker is reachable. */
    static boolean available() {
        try {
            Class<?> factory = Class.forName(FACTORY);
            Object instance = factory.getMethod("instance").invoke(null);
            Class.forName(CONTAINER);
            return (Boolean) factory.getMethod("isDockerAvailable").invoke(instance);
        } catch (ReflectiveOperationException | LinkageError e) {
            return false;
        }
    }

    /**
     * Starts a container as root (tests create one database per class) and returns the server's URL without a
     * database, its user and password. The container lives until the JVM exits (Testcontainers' reaper removes it).
     */
    static String[] start() {
        try {
            Class<?> type = Class.forName(CONTAINER);
            Object container = type.getConstructor(String.class).newInstance(IMAGE);
            invoke(type, container, "withUsername", "root");
            invoke(type, container, "withPassword", "ternmq");
            type.getMethod("start").invoke(container);
            String jdbcUrl = (String) type.getMethod("getJdbcUrl").invoke(container);
            URI uri = URI.create(jdbcUrl.substring("jdbc:".length()));
            return new String[] {"jdbc:mysql://" + uri.getHost() + ":" + uri.getPort(),
                    (String) type.getMethod("getUsername").invoke(container),
                    (String) type.getMethod("getPassword").invoke(container)};
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Testcontainers could not start " + IMAGE + ": " + e, e);
        }
    }

    private static void invoke(Class<?> type, Object target, String method, String arg)
            throws ReflectiveOperationException {
        Method m = type.getMethod(method, String.class);
        m.invoke(target, arg);
    }
}
