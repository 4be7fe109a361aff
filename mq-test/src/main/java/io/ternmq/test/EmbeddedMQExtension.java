package io.ternmq.test;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

import java.util.Optional;

/**
 * The JUnit 5 extension behind {@link EmbeddedMQ}: one broker per annotated test class, started on first use
 * (so constructor injection works under any test-instance lifecycle) and closed after the class's last test.
 * Nested test classes share their enclosing class's broker.
 */
public final class EmbeddedMQExtension implements ParameterResolver, AfterAllCallback {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(EmbeddedMQExtension.class);
    private static final String KEY = "broker";

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == EmbeddedBroker.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        ExtensionContext owner = owner(context).orElseThrow(() -> new ParameterResolutionException(
                "EmbeddedBroker parameters need @EmbeddedMQ on the test class"));
        EmbeddedMQ settings = owner.getRequiredTestClass().getAnnotation(EmbeddedMQ.class);
        return owner.getStore(NAMESPACE).getOrComputeIfAbsent(KEY, k -> EmbeddedBroker.builder()
                .flushDiskType(settings.flushDiskType())
                .config(settings.config())
                .start(), EmbeddedBroker.class);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (context.getTestClass().map(c -> c.isAnnotationPresent(EmbeddedMQ.class)).orElse(false)
                && context.getElement().equals(context.getTestClass())) {
            EmbeddedBroker broker = context.getStore(NAMESPACE).remove(KEY, EmbeddedBroker.class);
            if (broker != null) {
                broker.close();
            }
        }
    }

    /** The outermost class-level context whose class carries @EmbeddedMQ. */
    private static Optional<ExtensionContext> owner(ExtensionContext context) {
        ExtensionContext found = null;
        for (ExtensionContext c = context; c != null; c = c.getParent().orElse(null)) {
            boolean classLevel = c.getTestMethod().isEmpty() && c.getTestClass().isPresent()
                    && c.getElement().equals(c.getTestClass());
            if (classLevel && c.getRequiredTestClass().isAnnotationPresent(EmbeddedMQ.class)) {
                found = c;
            }
        }
        return Optional.ofNullable(found);
    }
}
