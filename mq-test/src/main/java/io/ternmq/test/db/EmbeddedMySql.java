package io.ternmq.test.db;

import org.junit.jupiter.api.extension.ExtendWith;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Gives the test class a fresh database on the JVM's MySQL-protocol server ({@link EmbeddedDatabase}: an external
 * server named by {@code MQ_TEST_JDBC_URL}, else a real MariaDB from Maven Central), injected into constructors and
 * test/lifecycle methods that declare a {@link TestDatabase} parameter. One database per test class; the server is
 * shared by the whole JVM.
 *
 * <pre>{@code
 * @EmbeddedMySql
 * class OutboxRelayTest {
 *     @Test
 *     void relays(TestDatabase db) { DataSource ds = db.dataSource(); ... }
 * }
 * }</pre>
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(EmbeddedMySqlExtension.class)
public @interface EmbeddedMySql {
}
