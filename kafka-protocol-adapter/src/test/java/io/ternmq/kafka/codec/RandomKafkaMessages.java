package io.ternmq.kafka.codec;

import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.protocol.types.BoundField;
import org.apache.kafka.common.protocol.types.Schema;
import org.apache.kafka.common.protocol.types.TaggedFields;
import org.apache.kafka.common.protocol.types.Type;
import org.apache.kafka.common.record.internal.MemoryRecords;

import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Random;

/**
 * Fills a kafka-clients generated message ({@code *Data}) with random, mostly non-default values for exactly the
 * fields kafka-clients' own schema has at a version (its {@link Schema} for that version, tagged fields included).
 * Nullable fields are sometimes null; arrays hold 1-3 elements. Driven by a seeded {@link Random}, so reproducible.
 */
final class RandomKafkaMessages {
    private static final String ALPHABET = "abcXYZ019-._é€";

    private final Random random;

    RandomKafkaMessages(long seed) {
        this.random = new Random(seed);
    }

    void fill(Object message, Schema schema) {
        for (BoundField bound : schema.fields()) {
            if (bound.def.type instanceof TaggedFields tagged) {
                tagged.fields().values().forEach(f -> set(message, f.name, f.type));
            } else {
                set(message, bound.def.name, bound.def.type);
            }
        }
    }

    private void set(Object message, String snakeName, Type type) {
        String setterName = "set" + camel(snakeName);
        Method setter = null;
        for (Method m : message.getClass().getMethods()) {
            if (m.getName().equals(setterName) && m.getParameterCount() == 1) {
                setter = m;
            }
        }
        if (setter == null) {
            throw new AssertionError("no " + setterName + " on " + message.getClass().getName());
        }
        Object value = value(type, setter.getParameterTypes()[0], setter.getGenericParameterTypes()[0]);
        try {
            setter.invoke(message, value);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    private Object value(Type type, Class<?> javaType, java.lang.reflect.Type generic) {
        if (type.isNullable() && random.nextInt(5) == 0) {
            return null;
        }
        if (type.isArray()) {
            Type element = type.arrayElementType().orElseThrow();
            Class<?> elementClass = elementClass(javaType, generic);
            Collection<Object> collection = newCollection(javaType);
            int n = 1 + random.nextInt(3);
            for (int i = 0; i < n; i++) {
                collection.add(value(element, elementClass, elementClass));
            }
            return collection;
        }
        if (type instanceof Schema struct) {
            try {
                Object nested = javaType.getConstructor().newInstance();
                fill(nested, struct);
                return nested;
            } catch (ReflectiveOperationException e) {
                throw new AssertionError(e);
            }
        }
        if (type == Type.INT8) {
            return (byte) random.nextInt();
        } else if (type == Type.INT16) {
            return (short) random.nextInt();
        } else if (type == Type.INT32) {
            return random.nextInt();
        } else if (type == Type.INT64) {
            return random.nextLong();
        } else if (type == Type.UINT16) {
            return random.nextInt(65536);
        } else if (type == Type.UNSIGNED_INT32) {
            return random.nextLong() & 0xffffffffL;
        } else if (type == Type.BOOLEAN) {
            return random.nextBoolean();
        } else if (type == Type.FLOAT64) {
            return random.nextDouble();
        } else if (type == Type.UUID) {
            return new Uuid(random.nextLong(), random.nextLong());
        }
        String name = type.toString();
        if (name.contains("STRING")) {
            return randomString();
        } else if (name.contains("RECORDS")) {
            return MemoryRecords.readableRecords(ByteBuffer.wrap(randomBytes()));
        } else if (name.contains("BYTES")) {
            return javaType == ByteBuffer.class ? ByteBuffer.wrap(randomBytes()) : randomBytes();
        }
        throw new AssertionError("no random value for type " + type);
    }

    private String randomString() {
        StringBuilder sb = new StringBuilder();
        int n = random.nextInt(12);
        for (int i = 0; i < n; i++) {
            sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }

    private byte[] randomBytes() {
        byte[] bytes = new byte[random.nextInt(40)];
        random.nextBytes(bytes);
        return bytes;
    }

    @SuppressWarnings("unchecked")
    private static Collection<Object> newCollection(Class<?> javaType) {
        if (javaType.isAssignableFrom(ArrayList.class)) {
            return new ArrayList<>();
        }
        try {
            return (Collection<Object>) javaType.getConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    /** The element class of a {@code List<X>} parameter or of an {@code XCollection extends ...Collection<X>}. */
    private static Class<?> elementClass(Class<?> javaType, java.lang.reflect.Type generic) {
        java.lang.reflect.Type t = generic;
        if (!(t instanceof ParameterizedType)) {
            t = javaType.getGenericSuperclass();
        }
        java.lang.reflect.Type arg = ((ParameterizedType) t).getActualTypeArguments()[0];
        return (Class<?>) (arg instanceof ParameterizedType p ? p.getRawType() : arg);
    }

    /** {@code transactional_id} → {@code TransactionalId}. */
    static String camel(String snake) {
        StringBuilder sb = new StringBuilder();
        for (String part : snake.split("_")) {
            if (!part.isEmpty()) {
                sb.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
            }
        }
        return sb.toString();
    }
}
