package io.ternmq.client.remoting;

import io.netty.channel.Channel;
import io.ternmq.protocol.ErrorCode;
import io.ternmq.protocol.Frame;
import io.ternmq.protocol.Frames;
import io.ternmq.protocol.command.Body;
import io.ternmq.protocol.command.Command;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;

/**
 * The handler table for broker-initiated requests. Decodes on the I/O thread (so the frame can be released at once),
 * runs the handler on the callback executor and answers unless the request was one-way. Unknown commands are
 * answered with {@link ErrorCode#UNSUPPORTED_COMMAND}. Thread-safe.
 */
final class ServerRequestDispatcher {
    private static final System.Logger LOG = System.getLogger(ServerRequestDispatcher.class.getName());

    private record Registration<Q extends Body, R extends Body>(Command<Q, R> command,
                                                                ServerRequestHandler<Q, R> handler) {
    }

    private final Map<Integer, Registration<?, ?>> handlers = new ConcurrentHashMap<>();
    private final Executor executor;

    ServerRequestDispatcher(Executor executor) {
        this.executor = executor;
    }

    <Q extends Body, R extends Body> void register(Command<Q, R> command, ServerRequestHandler<Q, R> handler) {
        handlers.put(command.code(), new Registration<>(command, handler));
    }

    /** Takes ownership of the request frame. */
    void dispatch(Channel channel, Frame request) {
        try {
            Registration<?, ?> registration = handlers.get(request.command());
            if (registration == null) {
                if (!request.isOneWay()) {
                    channel.writeAndFlush(Frames.error(channel.alloc(), request, ErrorCode.UNSUPPORTED_COMMAND,
                            "client does not handle command " + request.command()));
                }
                return;
            }
            dispatch(channel, request, registration);
        } finally {
            request.release();
        }
    }

    private <Q extends Body, R extends Body> void dispatch(Channel channel, Frame request,
                                                           Registration<Q, R> registration) {
        Q body;
        try {
            body = Frames.decodeRequest(registration.command, request);
        } catch (RuntimeException e) {
            if (!request.isOneWay()) {
                channel.writeAndFlush(Frames.error(channel.alloc(), request, ErrorCode.MALFORMED_REQUEST,
                        e.getMessage()));
            }
            return;
        }
        // keep only the header fields: the frame's body is released when this method returns
        Frame header = new Frame(request.command(), request.flags(), request.version(), request.requestId(), 0,
                io.netty.buffer.Unpooled.EMPTY_BUFFER);
        executor.execute(() -> {
            try {
                R response = registration.handler.handle(body);
                if (!header.isOneWay()) {
                    channel.writeAndFlush(Frames.response(channel.alloc(), header, response));
                }
            } catch (Exception e) {
                LOG.log(System.Logger.Level.WARNING, "handler for " + registration.command + " failed", e);
                if (!header.isOneWay()) {
                    channel.writeAndFlush(Frames.error(channel.alloc(), header, ErrorCode.SYSTEM_ERROR,
                            String.valueOf(e.getMessage())));
                }
            }
        });
    }
}
