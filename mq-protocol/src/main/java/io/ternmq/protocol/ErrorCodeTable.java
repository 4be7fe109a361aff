package io.ternmq.protocol;

import io.ternmq.protocol.command.Commands;
import io.ternmq.protocol.command.Command;

/** Renders the error-code and command tables of {@code docs/protocol.md} from the enums, so the docs cannot drift. */
public final class ErrorCodeTable {
    private ErrorCodeTable() {
    }

    public static String errorTable() {
        StringBuilder out = new StringBuilder("| Code | Name | Retriable | Meaning |\n|---:|---|---|---|\n");
        for (ErrorCode e : ErrorCode.values()) {
            out.append("| ").append(e.code()).append(" | `").append(e.name()).append("` | ")
                    .append(e.retriable() ? "yes" : "no").append(" | ").append(e.description()).append(" |\n");
        }
        return out.toString();
    }

    public static String commandTable() {
        StringBuilder out = new StringBuilder("| Code | Command | Direction | Purpose |\n|---:|---|---|---|\n");
        for (Command<?, ?> c : Commands.all()) {
            out.append("| ").append(c.code()).append(" | `").append(c.name()).append("` | ")
                    .append(c.serverInitiated() ? "broker → client" : "client → broker").append(" | ")
                    .append(c.purpose()).append(" |\n");
        }
        return out.toString();
    }

    public static void main(String[] args) {
        System.out.println(errorTable());
        System.out.println(commandTable());
    }
}
