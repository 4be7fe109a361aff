package io.ternmq.broker.testing;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import io.ternmq.protocol.ErrorCode;
import io.ternmq.protocol.Frame;
import io.ternmq.protocol.Frames;
import io.ternmq.protocol.ProtocolVersion;
import io.ternmq.protocol.codec.FrameEncoder;
import io.ternmq.protocol.command.Body;
import io.ternmq.protocol.command.Command;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * A minimal blocking client of the native protocol over a plain socket: encodes requests with the mq-protocol
 * codec, reads frames back, and keeps broker-initiated requests (notifications) aside. For tests only.
 */
public final class RawClient implements AutoCloseable {
    private final Socket socket;
    private final DataInputStream in;
    private final OutputStream out;
    private final BlockingQueue<Frame> serverRequests = new LinkedBlockingQueue<>();
    private int nextId;

    public RawClient(int port) throws IOException {
        socket = new Socket("127.0.0.1", port);
        socket.setTcpNoDelay(true);
        socket.setSoTimeout(10_000);
        in = new DataInputStream(socket.getInputStream());
        out = socket.getOutputStream();
    }

    public Socket socket() {
        return socket;
    }

    /** A response: status plus either body or error text. */
    public record Response<R extends Body>(ErrorCode status, R body, String error, int requestId) {
        public R ok() {
            if (status != ErrorCode.SUCCESS) {
                throw new AssertionError("expected SUCCESS, got " + status + ": " + error);
            }
            return body;
        }
    }

    public <Q extends Body, R extends Body> Response<R> call(Command<Q, R> command, Q body) throws IOException {
        int id = ++nextId;
        send(Frames.request(ByteBufAllocator.DEFAULT, command, body, id, ProtocolVersion.CURRENT, false));
        Frame response = readResponse();
        try {
            if (response.requestId() != id) {
                throw new AssertionError("response id " + response.requestId() + " != request id " + id);
            }
            ErrorCode status = ErrorCode.forCode(response.status());
            if (status != ErrorCode.SUCCESS) {
                return new Response<>(status, null, Frames.errorMessage(response), id);
            }
            return new Response<>(status, Frames.decodeResponse(command, response), null, id);
        } finally {
            response.release();
        }
    }

    public <Q extends Body> void oneWay(Command<Q, ?> command, Q body) throws IOException {
        send(Frames.request(ByteBufAllocator.DEFAULT, command, body, ++nextId, ProtocolVersion.CURRENT, true));
    }

    /** Writes a frame with the codec's header layout. */
    public void send(Frame frame) throws IOException {
        try {
            ByteBuf header = Unpooled.buffer(14);
            FrameEncoder.writeHeader(header, frame);
            byte[] bytes = new byte[header.readableBytes() + frame.body().readableBytes()];
            header.readBytes(bytes, 0, header.readableBytes());
            frame.body().getBytes(frame.body().readerIndex(), bytes, 14, frame.body().readableBytes());
            out.write(bytes);
            out.flush();
        } finally {
            frame.release();
        }
    }

    public void sendRaw(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    /** Reads frames until a response arrives; broker-initiated requests are queued. */
    public Frame readResponse() throws IOException {
        while (true) {
            Frame frame = readFrame();
            if (frame.isResponse()) {
                return frame;
            }
            serverRequests.add(frame);
        }
    }

    public Frame readFrame() throws IOException {
        int length = in.readInt();
        if (length < Frame.HEADER_SIZE || length > 64 * 1024 * 1024) {
            throw new IOException("bad length from broker " + length);
        }
        int command = in.readUnsignedShort();
        int flags = in.readUnsignedByte();
        int version = in.readUnsignedByte();
        int requestId = in.readInt();
        int status = in.readUnsignedShort();
        byte[] body = new byte[length - Frame.HEADER_SIZE];
        in.readFully(body);
        return new Frame(command, flags, version, requestId, status, Unpooled.wrappedBuffer(body));
    }

    /** Waits for a broker-initiated request, reading the socket meanwhile. */
    public Frame awaitServerRequest(Duration timeout) throws IOException {
        Frame queued = serverRequests.poll();
        if (queued != null) {
            return queued;
        }
        int previous = socket.getSoTimeout();
        socket.setSoTimeout((int) timeout.toMillis());
        try {
            while (true) {
                Frame frame = readFrame();
                if (!frame.isResponse()) {
                    return frame;
                }
                frame.release();
            }
        } finally {
            socket.setSoTimeout(previous);
        }
    }

    /** True when the broker closed the connection within the timeout (EOF or reset). */
    public boolean closedByBroker(Duration timeout) throws IOException {
        socket.setSoTimeout((int) timeout.toMillis());
        try {
            while (in.read() >= 0) {
                // drain whatever error frame came first
            }
            return true;
        } catch (EOFException e) {
            return true;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true; // connection reset
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
