package io.ternmq.client.testing;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.embedded.EmbeddedChannel;
import io.ternmq.client.BrokerAddress;
import io.ternmq.client.remoting.Connector;
import io.ternmq.protocol.Frame;
import io.ternmq.protocol.Frames;
import io.ternmq.protocol.codec.FrameDecoder;
import io.ternmq.protocol.codec.FrameEncoder;
import io.ternmq.protocol.codec.WireWriter;
import io.ternmq.protocol.command.Body;
import io.ternmq.protocol.command.Command;
import io.ternmq.protocol.command.Hello;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * A connector whose "connections" are {@link EmbeddedChannel}s; the test plays the broker through {@link Peer}:
 * it reads the frames the client wrote and writes frames back as bytes, through the client's real codec.
 */
public final class EmbeddedConnector implements Connector {
    public final List<Peer> peers = new java.util.concurrent.CopyOnWriteArrayList<>();
    public volatile boolean refuse;

    @Override
    public CompletableFuture<Channel> connect(BrokerAddress address, ChannelHandler... handlers) {
        if (refuse) {
            return CompletableFuture.failedFuture(new java.net.ConnectException("Connection refused"));
        }
        EmbeddedChannel ch = new EmbeddedChannel(handlers);
        peers.add(new Peer(ch));
        return CompletableFuture.completedFuture(ch);
    }

    public Peer last() {
        return peers.get(peers.size() - 1);
    }

    @Override
    public void close() {
    }

    /** The broker side of one embedded connection. */
    public static final class Peer {
        public final EmbeddedChannel channel;
        private final EmbeddedChannel decoder = new EmbeddedChannel(new FrameDecoder(1 << 20));

        public Peer(EmbeddedChannel channel) {
            this.channel = channel;
        }

        /** The next frame the client wrote, or null. The caller releases it. */
        public Frame read() {
            channel.runPendingTasks();
            Object out;
            while ((out = channel.readOutbound()) != null) {
                decoder.writeInbound(out);
            }
            return decoder.readInbound();
        }

        /** Reads the next frame and fails if there is none. */
        public Frame expect() {
            Frame f = read();
            if (f == null) {
                throw new AssertionError("client wrote no frame");
            }
            return f;
        }

        public void write(Frame frame) {
            ByteBuf buf = Unpooled.buffer();
            FrameEncoder.writeHeader(buf, frame);
            buf.writeBytes(frame.body());
            frame.release();
            channel.writeInbound(buf);
        }

        /** Reads the client's HELLO and answers it as a broker of protocol version 1 would. */
        public void acceptHello() {
            Frame hello = expect();
            respond(hello, new Hello.Response(1, "b", "1", 1 << 20, 1 << 20));
            hello.release();
        }

        public void respond(Frame request, Body body) {
            write(Frames.response(channel.alloc(), request, body));
        }

        /** Writes a broker-initiated request. */
        public void request(Command<?, ?> command, Body body, int requestId, boolean oneWay) {
            ByteBuf b = Unpooled.buffer();
            body.encode(new WireWriter(b), 1);
            write(new Frame(command.code(), oneWay ? Frame.FLAG_ONE_WAY : 0, 1, requestId, 0, b));
        }
    }
}
