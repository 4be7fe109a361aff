package io.ternmq.test;

import io.ternmq.broker.store.FlushDiskType;
import org.junit.jupiter.api.extension.ExtendWith;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Starts one {@link EmbeddedBroker} per test class (before the first test, closed after the last) and injects it
 * into test constructors and test/lifecycle methods that declare an {@code EmbeddedBroker} parameter.
 *
 * <pre>{@code
 * @EmbeddedMQ(config = {"autoCreateTopicEnable=false", "defaultTopicQueueNums=2"})
 * class OrderFlowTest {
 *     @Test
 *     void sends(EmbeddedBroker broker) { ... broker.address() ... }
 * }
 * }</pre>
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(EmbeddedMQExtension.class)
public @interface EmbeddedMQ {
    /** How the store flushes; SYNC_FLUSH makes every send wait for fsync. */
    FlushDiskType flushDiskType() default FlushDiskType.ASYNC_FLUSH;

    /** broker.conf overrides as {@code key=value} strings (docs/configuration.md lists the keys). */
    String[] config() default {};
}
