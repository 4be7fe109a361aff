package io.ternmq.broker.remoting;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToMessageDecoder;
import io.ternmq.protocol.ErrorCode;
import io.ternmq.protocol.Frame;
import io.ternmq.protocol.Frames;
import io.ternmq.protocol.ProtocolVersion;
import io.ternmq.protocol.command.Body;
import io.ternmq.protocol.command.Command;
import io.ternmq.protocol.command.Commands;

import java.util.List;

/**
 * Turns a {@link Frame} into an {@link InboundMessage}: the command looked up by code and the body decoded with the
 * command's decoder. Everything that can be wrong with a single frame (unknown command, unsupported version, a body
 * that does not decode) becomes a {@link InboundMessage.RejectedRequest}; the frame is consumed either way, so the
 * connection stays usable. Releases every frame it reads.
 *
 * <p>Stateless and {@link ChannelHandler.Sharable}.
 */
@ChannelHandler.Sharable
public final class CommandDecoder extends MessageToMessageDecoder<Frame> {
    public static final CommandDecoder INSTANCE = new CommandDecoder();

    private static final System.Logger LOG = System.getLogger(CommandDecoder.class.getName());

    @Override
    protected void decode(ChannelHandlerContext ctx, Frame frame, List<Object> out) {
        out.add(toMessage(frame, String.valueOf(ctx.channel().remoteAddress())));
    }

    /** The decoding itself, separate from Netty so it can be unit-tested on plain frames. */
    static InboundMessage toMessage(Frame frame, String peer) {
        if (frame.isResponse()) {
            frame.retain();
            return new InboundMessage.InboundResponse(frame);
        }
        RequestHeader header = RequestHeader.of(frame);
        Command<?, ?> command = Commands.forCode(frame.command());
        if (command == null) {
            return reject(header, ErrorCode.UNSUPPORTED_COMMAND, "unknown command code " + frame.command(), peer);
        }
        if (command.serverInitiated()) {
            return reject(header, ErrorCode.UNSUPPORTED_COMMAND, command.name() + " is sent by the broker, not to it",
                    peer);
        }
        if (!ProtocolVersion.isSupported(frame.version())) {
            return reject(header, ErrorCode.UNSUPPORTED_VERSION, "protocol version " + frame.version()
                    + " not supported; this broker speaks " + ProtocolVersion.MIN_SUPPORTED + ".."
                    + ProtocolVersion.CURRENT, peer);
        }
        try {
            Body body = Frames.decodeRequest(command, frame);
            return new InboundMessage.DecodedRequest(header, command, body);
        } catch (RuntimeException e) {
            // MalformedFrameException, or a record constructor refusing a decoded value: either way the client's fault
            return reject(header, ErrorCode.MALFORMED_REQUEST, command.name() + " body does not decode: "
                    + e.getMessage(), peer);
        }
    }

    private static InboundMessage reject(RequestHeader header, ErrorCode error, String message, String peer) {
        LOG.log(System.Logger.Level.WARNING, "rejected request from {0} (command {1}, id {2}): {3}: {4}", peer,
                header.command(), header.requestId(), error, message);
        return new InboundMessage.RejectedRequest(header, error, message);
    }
}
