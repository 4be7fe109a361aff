package io.ternmq.broker.remoting;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.util.AttributeKey;
import io.ternmq.broker.client.ClientConnection;
import io.ternmq.protocol.ErrorCode;
import io.ternmq.protocol.Frame;
import io.ternmq.protocol.Frames;
import io.ternmq.protocol.ProtocolVersion;
import io.ternmq.protocol.command.Body;
import io.ternmq.protocol.command.Command;
import io.ternmq.protocol.command.Commands;
import io.ternmq.protocol.command.ConsumerList;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One client connection of the native protocol: writes responses to the client's requests, and sends the broker's
 * own requests (NOTIFY_CONSUMER_IDS_CHANGED, CHECK_TX), matching their responses by request id.
 *
 * <p>Thread-safe: Netty channels accept writes from any thread; pending requests live in a concurrent map and are
 * failed when the channel closes.
 */
public final class RemotingChannel implements ClientConnection {
    /** Where the instance hangs on its Netty channel. */
    public static final AttributeKey<RemotingChannel> KEY = AttributeKey.valueOf("ternmq.remotingChannel");

    private static final System.Logger LOG = System.getLogger(RemotingChannel.class.getName());

    private final Channel channel;
    private final Map<Integer, CompletableFuture<Frame>> pending = new ConcurrentHashMap<>();
    private final AtomicInteger nextRequestId = new AtomicInteger();
    private volatile int version = ProtocolVersion.CURRENT;
    private volatile String clientId;

    public RemotingChannel(Channel channel) {
        this.channel = channel;
    }

    /** The instance of a Netty channel, created on first use. */
    public static RemotingChannel of(Channel channel) {
        RemotingChannel existing = channel.attr(KEY).get();
        if (existing != null) {
            return existing;
        }
        RemotingChannel created = new RemotingChannel(channel);
        RemotingChannel raced = channel.attr(KEY).setIfAbsent(created);
        return raced == null ? created : raced;
    }

    public Channel channel() {
        return channel;
    }

    @Override
    public String remoteAddress() {
        Object address = channel.remoteAddress();
        if (address instanceof java.net.InetSocketAddress inet) {
            return inet.getAddress().getHostAddress() + ":" + inet.getPort();
        }
        return String.valueOf(address);
    }

    @Override
    public boolean isActive() {
        return channel.isActive();
    }

    /** The version negotiated by HELLO, used for requests the broker sends. */
    public int version() {
        return version;
    }

    public void negotiated(int negotiatedVersion) {
        this.version = negotiatedVersion;
    }

    /** The client id from HELLO or HEARTBEAT, or null before either. */
    public String clientId() {
        return clientId;
    }

    public void identify(String id) {
        if (id != null && !id.isEmpty()) {
            this.clientId = id;
        }
    }

    /** Sends the reply to a request; does nothing for one-way requests. */
    public void respond(RequestHeader header, Reply reply) {
        if (header.oneWay()) {
            if (!reply.isOk()) {
                LOG.log(System.Logger.Level.DEBUG, "one-way command {0} from {1} failed: {2} {3}",
                        header.command(), remoteAddress(), reply.error(), reply.message());
            }
            return;
        }
        Frame frame;
        try {
            frame = reply.isOk()
                    ? Frames.response(channel.alloc(), header.stub(), reply.body())
                    : Frames.error(channel.alloc(), header.stub(), reply.error(), reply.message());
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "cannot encode response to command " + header.command(), e);
            frame = Frames.error(channel.alloc(), header.stub(), ErrorCode.SYSTEM_ERROR,
                    "response could not be encoded: " + e.getMessage());
        }
        write(frame);
    }

    /** Writes a frame, logging a failure (the peer is usually gone). */
    void write(Frame frame) {
        channel.writeAndFlush(frame).addListener((ChannelFutureListener) f -> {
            if (!f.isSuccess() && !(f.cause() instanceof IOException)) {
                LOG.log(System.Logger.Level.DEBUG, "write to " + remoteAddress() + " failed", f.cause());
            }
        });
    }

    @Override
    public void notifyConsumerIdsChanged(String group) {
        sendOneWay(Commands.NOTIFY_CONSUMER_IDS_CHANGED, new ConsumerList.GroupRequest(group));
    }

    /** Sends a broker-initiated request that expects no response. */
    public void sendOneWay(Command<?, ?> command, Body body) {
        write(Frames.request(channel.alloc(), command, body, nextRequestId.incrementAndGet(), version, true));
    }

    /**
     * Sends a broker-initiated request and completes with the client's response frame (which the caller releases),
     * or fails on timeout or when the connection closes.
     */
    public CompletableFuture<Frame> request(Command<?, ?> command, Body body, long timeoutMs) {
        int id = nextRequestId.incrementAndGet();
        CompletableFuture<Frame> response = new CompletableFuture<>();
        pending.put(id, response);
        var timeout = channel.eventLoop().schedule(() -> {
            CompletableFuture<Frame> timedOut = pending.remove(id);
            if (timedOut != null) {
                timedOut.completeExceptionally(new TimeoutException(command + " to " + remoteAddress()
                        + " got no response within " + timeoutMs + " ms"));
            }
        }, timeoutMs, TimeUnit.MILLISECONDS);
        response.whenComplete((f, e) -> timeout.cancel(false));
        write(Frames.request(channel.alloc(), command, body, id, version, false));
        return response;
    }

    /** Routes a response frame from the client to the request that waits for it. */
    void completeResponse(Frame frame) {
        CompletableFuture<Frame> waiting = pending.remove(frame.requestId());
        if (waiting == null || !waiting.complete(frame)) {
            LOG.log(System.Logger.Level.DEBUG, "unexpected response {0} from {1}", frame, remoteAddress());
            frame.release();
        }
    }

    /** Fails every pending broker-initiated request; called when the channel closes. */
    void closed() {
        pending.values().forEach(f -> f.completeExceptionally(new IOException("connection to " + remoteAddress()
                + " closed")));
        pending.clear();
    }

    @Override
    public String toString() {
        return "RemotingChannel{" + remoteAddress() + (clientId == null ? "" : ", client=" + clientId) + '}';
    }
}
