package io.ternmq.protocol.testing;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Structural equality for bodies. Records compare {@code byte[]} components by identity, so a decoded message
 * never {@code equals} the one that was sent; this walks records, lists and maps and compares arrays by content,
 * naming the path of the first difference.
 */
public final class DeepEquals {
    private DeepEquals() {
    }

    public static void assertDeepEquals(Object expected, Object actual) {
        assertDeepEquals(expected, actual, expected == null ? "value" : expected.getClass().getSimpleName());
    }

    private static void assertDeepEquals(Object expected, Object actual, String path) {
        if (expected == null || actual == null) {
            assertEquals(expected, actual, path);
        } else if (expected instanceof byte[] e) {
            assertArrayEquals(e, (byte[]) actual, path);
        } else if (expected instanceof Record) {
            assertEquals(expected.getClass(), actual.getClass(), path);
            for (RecordComponent c : expected.getClass().getRecordComponents()) {
                assertDeepEquals(component(c, expected), component(c, actual), path + "." + c.getName());
            }
        } else if (expected instanceof List<?> e) {
            List<?> a = (List<?>) actual;
            assertEquals(e.size(), a.size(), path + ".size");
            for (int i = 0; i < e.size(); i++) {
                assertDeepEquals(e.get(i), a.get(i), path + "[" + i + "]");
            }
        } else if (expected instanceof Map<?, ?> e) {
            Map<?, ?> a = (Map<?, ?>) actual;
            // the wire keeps insertion order, and properties are shown to users in that order
            assertEquals(new ArrayList<>(e.keySet()), new ArrayList<>(a.keySet()), path + ".keys");
            Iterator<?> values = a.values().iterator();
            for (Map.Entry<?, ?> entry : e.entrySet()) {
                assertDeepEquals(entry.getValue(), values.next(), path + "[" + entry.getKey() + "]");
            }
        } else {
            assertEquals(expected, actual, path);
        }
    }

    private static Object component(RecordComponent c, Object record) {
        try {
            return c.getAccessor().invoke(record);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new AssertionError("cannot read " + c + " of " + Arrays.toString(record.getClass().getInterfaces()), e);
        }
    }
}
