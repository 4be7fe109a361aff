package io.ternmq.broker.config;

import java.util.Arrays;
import java.util.Locale;
import java.util.function.Function;

/**
 * How a configuration value is written in {@code broker.conf} and parsed into a Java value.
 *
 * <p>Immutable and thread-safe.
 *
 * @param name   the type name shown in the docs
 * @param parser turns the trimmed text into a value; throws {@link IllegalArgumentException} with a short reason
 * @param <T>    the Java type
 */
public record ConfigType<T>(String name, Function<String, T> parser) {

    public static final ConfigType<Integer> INT = new ConfigType<>("int", text -> {
        try {
            return Integer.valueOf(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not an integer");
        }
    });

    public static final ConfigType<Long> LONG = new ConfigType<>("long", text -> {
        try {
            return Long.valueOf(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not an integer");
        }
    });

    public static final ConfigType<Boolean> BOOLEAN = new ConfigType<>("boolean", text -> {
        // Boolean.parseBoolean accepts anything as false; a typo must not silently flip a switch.
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw new IllegalArgumentException("not true or false");
        };
    });

    public static final ConfigType<String> STRING = new ConfigType<>("string", Function.identity());

    /** An enum written by constant name (case-sensitive, as in RocketMQ's broker.conf). */
    public static <E extends Enum<E>> ConfigType<E> enumOf(Class<E> type) {
        return new ConfigType<>("enum", text -> {
            try {
                return Enum.valueOf(type, text);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("not one of " + Arrays.toString(type.getEnumConstants()));
            }
        });
    }

    /** Parses the text, which the caller has trimmed. */
    public T parse(String text) {
        return parser.apply(text);
    }
}
