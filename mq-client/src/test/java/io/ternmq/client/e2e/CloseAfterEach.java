package io.ternmq.client.e2e;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.util.ArrayList;
import java.util.List;

/**
 * Closes what a test registered, newest first, after each test: consumers before the producer they were fed by.
 * Use as an instance field with {@code @RegisterExtension}.
 */
final class CloseAfterEach implements AfterEachCallback {
    private final List<AutoCloseable> closeables = new ArrayList<>();

    /** Registers {@code c} and returns it. */
    <T extends AutoCloseable> T add(T c) {
        closeables.add(c);
        return c;
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        for (int i = closeables.size() - 1; i >= 0; i--) {
            closeables.get(i).close();
        }
        closeables.clear();
    }
}
