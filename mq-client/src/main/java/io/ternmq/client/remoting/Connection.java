package io.ternmq.client.remoting;

import io.netty.channel.Channel;
import io.ternmq.client.MQClientException;
import io.ternmq.client.RemotingException;
import io.ternmq.protocol.Frame;
import io.ternmq.protocol.Frames;
import io.ternmq.protocol.command.Body;
import io.ternmq.protocol.command.Command;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One open channel to the broker and the protocol version negotiated on it. Request ids are unique per connection.
 * Thread-safe: Netty serialises writes, the in-flight table is concurrent.
 */
final class Connection {
    private final Channel channel;
    private final InFlightRequests inFlight;
    private final AtomicInteger requestIds = new AtomicInteger();
    private volatile int version;

    Connection(Channel channel, InFlightRequests inFlight, int version) {
        this.channel = channel;
        this.inFlight = inFlight;
        this.version = version;
    }

    boolean isActive() {
        return channel.isActive();
    }

    void version(int version) {
        this.version = version;
    }

    int version() {
        return version;
    }

    <Q extends Body, R extends Body> CompletableFuture<R> invoke(Command<Q, R> command, Q request, Duration timeout) {
        int id = requestIds.incrementAndGet();
        CompletableFuture<Frame> response = inFlight.register(id, command.name(), timeout);
        write(command, request, id, false, id);
        CompletableFuture<R> result = new CompletableFuture<>();
        response.whenComplete((frame, error) -> {
            if (error != null) {
                result.completeExceptionally(ResponseErrors.unwrap(error));
                return;
            }
            try {
                if (frame.status() != 0) {
                    result.completeExceptionally(ResponseErrors.fromResponse(frame));
                } else {
                    result.complete(Frames.decodeResponse(command, frame));
                }
            } catch (RuntimeException e) {
                result.completeExceptionally(new RemotingException(RemotingException.Kind.PROTOCOL,
                        "undecodable " + command.name() + " response: " + e.getMessage(), e));
            } finally {
                frame.release();
            }
        });
        return result;
    }

    /** Writes a one-way request; completes when the frame is written (not when the broker processed it). */
    <Q extends Body> CompletableFuture<Void> invokeOneWay(Command<Q, ?> command, Q request) {
        CompletableFuture<Void> written = new CompletableFuture<>();
        Frame frame = Frames.request(channel.alloc(), command, request, requestIds.incrementAndGet(), version, true);
        channel.writeAndFlush(frame).addListener(f -> {
            if (f.isSuccess()) {
                written.complete(null);
            } else {
                written.completeExceptionally(writeFailure(command, f.cause()));
            }
        });
        return written;
    }

    private <Q extends Body> void write(Command<Q, ?> command, Q request, int id, boolean oneWay, int pendingId) {
        Frame frame;
        try {
            frame = Frames.request(channel.alloc(), command, request, id, version, oneWay);
        } catch (RuntimeException e) {
            inFlight.fail(pendingId, new RemotingException(RemotingException.Kind.PROTOCOL,
                    "cannot encode " + command.name() + ": " + e.getMessage(), e));
            return;
        }
        channel.writeAndFlush(frame).addListener(f -> {
            if (!f.isSuccess()) {
                inFlight.fail(pendingId, writeFailure(command, f.cause()));
            }
        });
    }

    private static MQClientException writeFailure(Command<?, ?> command, Throwable cause) {
        return new RemotingException(RemotingException.Kind.CONNECTION_CLOSED,
                "could not write " + command.name() + ": " + cause, cause);
    }

    void close() {
        channel.close();
    }

    @Override
    public String toString() {
        return "Connection{" + channel + ", v" + version + '}';
    }
}
