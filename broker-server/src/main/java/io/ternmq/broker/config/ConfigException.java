package io.ternmq.broker.config;

import java.util.List;

/** The configuration is invalid; carries every problem found, not just the first. */
public final class ConfigException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final List<String> errors;

    public ConfigException(List<String> errors) {
        super("invalid broker configuration:\n  - " + String.join("\n  - ", errors));
        this.errors = List.copyOf(errors);
    }

    /** One line per problem, each naming the key, the bad value and what is allowed. */
    public List<String> errors() {
        return errors;
    }
}
