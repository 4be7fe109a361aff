package io.ternmq.cli;

import io.ternmq.client.MQBrokerException;
import io.ternmq.client.RemotingException;
import picocli.CommandLine;

import java.io.PrintWriter;

/**
 * Turns an exception thrown by a subcommand into one line on stderr and an {@link ExitCode}: the broker said no
 * (1), the arguments make no sense (2), the broker could not be reached (3). Stack traces only with --debug.
 */
final class FailureHandler implements CommandLine.IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception ex, CommandLine cl, CommandLine.ParseResult parseResult) {
        PrintWriter err = cl.getErr();
        Throwable cause = unwrap(ex);
        int code = exitCodeOf(cause);
        String prefix = switch (code) {
            case ExitCode.CANNOT_CONNECT -> "cannot reach the broker at " + brokerOf(cl) + ": ";
            case ExitCode.USAGE -> "invalid argument: ";
            default -> "error: ";
        };
        err.println(prefix + describe(cause));
        if (code == ExitCode.USAGE) {
            err.println("see: mqadmin " + cl.getCommandName() + " --help");
        }
        if (isDebug(cl)) {
            cause.printStackTrace(err);
        }
        err.flush();
        return code;
    }

    static int exitCodeOf(Throwable t) {
        if (t instanceof RemotingException) {
            return ExitCode.CANNOT_CONNECT;
        }
        if (t instanceof MQBrokerException) {
            return ExitCode.BROKER_ERROR;
        }
        if (t instanceof IllegalArgumentException || t instanceof CommandLine.ParameterException) {
            return ExitCode.USAGE;
        }
        return ExitCode.BROKER_ERROR;
    }

    /** Futures and reflection wrap the interesting exception; find it. */
    private static Throwable unwrap(Throwable t) {
        Throwable current = t;
        while ((current instanceof java.util.concurrent.CompletionException
                || current instanceof java.util.concurrent.ExecutionException
                || current instanceof java.lang.reflect.UndeclaredThrowableException)
                && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }

    private static String describe(Throwable t) {
        String message = t.getMessage();
        return message == null || message.isBlank() ? t.getClass().getSimpleName() : message;
    }

    private static String brokerOf(CommandLine cl) {
        Object root = cl.getCommandSpec().root().userObject();
        return root instanceof MqAdmin admin ? admin.broker : "?";
    }

    private static boolean isDebug(CommandLine cl) {
        Object root = cl.getCommandSpec().root().userObject();
        return root instanceof MqAdmin admin && admin.debug;
    }
}
