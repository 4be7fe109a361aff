package io.ternmq.broker.metadata;

import java.util.Optional;

/**
 * Validation of topic and group names. The character set is RocketMQ's ({@code [%|a-zA-Z0-9_-]}) plus {@code .},
 * which also keeps names safe as file names and as fields of {@link MetadataFile}.
 */
public enum ResourceName {
    /** Topic names: at most 127 characters (255 for {@code %RETRY%} and {@code %DLQ%} topics). */
    TOPIC(127),
    /** Consumer and producer group names: at most 255 characters. */
    GROUP(255);

    private static final int SYSTEM_TOPIC_MAX = 255;

    private final int maxLength;

    ResourceName(int maxLength) {
        this.maxLength = maxLength;
    }

    /** Why the name is invalid, or empty when it is fine. */
    public Optional<String> problem(String name) {
        String what = this == TOPIC ? "topic" : "group";
        if (name == null || name.isEmpty()) {
            return Optional.of(what + " name is empty");
        }
        int limit = this == TOPIC && (name.startsWith("%RETRY%") || name.startsWith("%DLQ%"))
                ? SYSTEM_TOPIC_MAX : maxLength;
        if (name.length() > limit) {
            return Optional.of(what + " name longer than " + limit + " characters");
        }
        if (!allowedChars(name)) {
            return Optional.of(what + " name '" + name + "' has characters outside [%|a-zA-Z0-9_.-]");
        }
        return Optional.empty();
    }

    /** {@code [%|a-zA-Z0-9_.-]+} without a regex: every send checks its topic name, so this runs per entry. */
    private static boolean allowedChars(String name) {
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean allowed = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                    || c == '%' || c == '|' || c == '_' || c == '.' || c == '-';
            if (!allowed) {
                return false;
            }
        }
        return true;
    }
}
