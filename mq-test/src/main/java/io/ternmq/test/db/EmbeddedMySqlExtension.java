package io.ternmq.test.db;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * The JUnit 5 extension behind {@link EmbeddedMySql}: creates one database per annotated test class on first use
 * and injects it as a {@link TestDatabase} parameter. Nested classes share their enclosing class's database.
 */
public final class EmbeddedMySqlExtension implements ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(EmbeddedMySqlExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == TestDatabase.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        ExtensionContext owner = owner(context);
        return owner.getStore(NAMESPACE).getOrComputeIfAbsent("database",
                k -> EmbeddedDatabase.shared().createDatabase(owner.getRequiredTestClass().getSimpleName()),
                TestDatabase.class);
    }

    /** The outermost class-level context whose class carries the annotation (falls back to the test's class). */
    private static ExtensionContext owner(ExtensionContext context) {
        ExtensionContext found = null;
        for (ExtensionContext c = context; c != null; c = c.getParent().orElse(null)) {
            boolean classLevel = c.getTestMethod().isEmpty() && c.getTestClass().isPresent()
                    && c.getElement().equals(c.getTestClass());
            if (classLevel && c.getRequiredTestClass().isAnnotationPresent(EmbeddedMySql.class)) {
                found = c;
            }
        }
        return found != null ? found : context;
    }
}
