package io.ternmq.cli;

/** The command could not do what was asked for a reason the broker reported (e.g. no such message): exit 1. */
final class CommandFailedException extends RuntimeException {
    CommandFailedException(String message) {
        super(message);
    }
}
