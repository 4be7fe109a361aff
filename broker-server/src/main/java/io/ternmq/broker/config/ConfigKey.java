package io.ternmq.broker.config;

import java.util.Objects;
import java.util.function.Predicate;

/**
 * The one definition of a configuration key: its name in {@code broker.conf}, type, default, what values are
 * allowed and what it does. The docs ({@link ConfigDocRenderer}) and the loader ({@link ConfigLoader}) are driven
 * by these definitions only.
 *
 * <p>Immutable and thread-safe.
 *
 * @param name         the key as written in broker.conf (RocketMQ's name where the concept is the same)
 * @param type         how values are parsed
 * @param defaultValue the value when the key is absent
 * @param allowed      human-readable description of the valid values, shown in errors and docs
 * @param valid        the validation behind {@code allowed}
 * @param doc          one or two sentences for the docs
 * @param <T>          the value type
 */
public record ConfigKey<T>(String name, ConfigType<T> type, T defaultValue, String allowed, Predicate<T> valid,
                           String doc) {

    public ConfigKey {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(defaultValue, "defaultValue");
        Objects.requireNonNull(valid, "valid");
        if (!valid.test(defaultValue)) {
            throw new IllegalArgumentException("default of " + name + " is not valid: " + defaultValue);
        }
    }

    /** The default as written in broker.conf. */
    public String defaultText() {
        return String.valueOf(defaultValue);
    }

    @Override
    public String toString() {
        return name;
    }
}
