package io.ternmq.broker.remoting;

import io.ternmq.protocol.command.Body;
import io.ternmq.protocol.command.Command;
import io.ternmq.protocol.command.Commands;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The table from command code to its handler: one handler per command, no switch statements.
 *
 * <p>Filled once at start-up, then only read: safe to share between threads after construction.
 */
public final class HandlerRegistry {
    private final Map<Integer, RequestHandler<?>> handlers = new HashMap<>();

    /** Registers the handler of a command; registering a command twice is a programming error. */
    public <Q extends Body> HandlerRegistry register(Command<Q, ?> command, RequestHandler<Q> handler) {
        if (handlers.putIfAbsent(command.code(), handler) != null) {
            throw new IllegalStateException("handler for " + command + " registered twice");
        }
        return this;
    }

    /** The handler of a command code, or null. */
    @SuppressWarnings("unchecked")
    public RequestHandler<Body> get(int code) {
        return (RequestHandler<Body>) handlers.get(code);
    }

    /** Client-initiated commands of the protocol without a handler (should be none). */
    public List<Command<?, ?>> missing() {
        List<Command<?, ?>> missing = new ArrayList<>();
        for (Command<?, ?> c : Commands.all()) {
            if (!c.serverInitiated() && !handlers.containsKey(c.code())) {
                missing.add(c);
            }
        }
        return missing;
    }
}
