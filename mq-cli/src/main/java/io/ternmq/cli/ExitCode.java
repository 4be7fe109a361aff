package io.ternmq.cli;

/**
 * The process exit codes of {@code mqadmin}, documented in docs/cli.md. Scripts rely on them, so they never
 * change meaning.
 */
public final class ExitCode {
    /** The command did what was asked. */
    public static final int OK = 0;
    /** The broker answered with an error (unknown topic, message not found, rejected request, ...). */
    public static final int BROKER_ERROR = 1;
    /** The command line was wrong: unknown command or option, missing or invalid value. */
    public static final int USAGE = 2;
    /** The broker could not be reached: connection refused or lost, or no answer within --timeout. */
    public static final int CANNOT_CONNECT = 3;

    private ExitCode() {
    }
}
