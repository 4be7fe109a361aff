package io.ternmq.spring.support;

import io.ternmq.protocol.message.MessageProperties;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which names a user property (a header that travels with the message) may have. A name is 1 to 255 characters
 * without whitespace or control characters, so that SQL92 selectors and consoles can show it, and is none of the
 * names the client and broker give a meaning to ({@link MessageProperties}): a header named {@code TRAN_MSG} or
 * {@code DELAY} would silently turn a plain send into a half message or a delayed one.
 */
public final class UserPropertyNames {
    /** Longest property name accepted. */
    public static final int MAX_LENGTH = 255;

    private static final Set<String> RESERVED = reservedNames();

    private UserPropertyNames() {
    }

    /** The reserved names, sorted. */
    public static Set<String> reserved() {
        return RESERVED;
    }

    /**
     * Checks a name and returns it.
     *
     * @param source what the name came from, for the error message, e.g. {@code "header"} or {@code "SendOptions property"}
     * @throws IllegalArgumentException naming the offending property and the rule it breaks
     */
    public static String check(String name, String source) {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException(source + " name must not be empty");
        }
        if (name.length() > MAX_LENGTH) {
            throw new IllegalArgumentException(source + " '" + name.substring(0, 40) + "...' is longer than "
                    + MAX_LENGTH + " characters");
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isWhitespace(c) || Character.isISOControl(c)) {
                throw new IllegalArgumentException(source + " '" + name.replaceAll("\\p{Cntrl}", "?")
                        + "' contains whitespace or a control character");
            }
        }
        if (RESERVED.contains(name)) {
            throw new IllegalArgumentException(source + " '" + name + "' is reserved by TernMQ (one of " + RESERVED
                    + "); use SendOptions (tags, keys, delay) or pick another name");
        }
        return name;
    }

    // every public String constant of MessageProperties except the topic-name prefixes, so new ones are covered too
    private static Set<String> reservedNames() {
        Set<String> names = new TreeSet<>();
        for (Field f : MessageProperties.class.getFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == String.class && !f.getName().endsWith("_PREFIX")) {
                try {
                    names.add((String) f.get(null));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return Collections.unmodifiableSet(names);
    }
}
