package io.ternmq.broker.handler.hello;

import io.ternmq.broker.BrokerVersion;
import io.ternmq.broker.config.BrokerConfig;
import io.ternmq.broker.config.BrokerConfigKeys;
import io.ternmq.broker.remoting.Reply;
import io.ternmq.broker.remoting.RequestContext;
import io.ternmq.broker.remoting.RequestHandler;
import io.ternmq.protocol.ErrorCode;
import io.ternmq.protocol.ProtocolVersion;
import io.ternmq.protocol.command.Hello;

import java.util.concurrent.CompletableFuture;

/**
 * HELLO: picks the highest protocol version both sides speak and tells the client the broker's limits. HELLO is
 * expected first but not enforced: every frame carries its version, which the decoder checks anyway.
 */
public final class HelloHandler implements RequestHandler<Hello.Request> {
    private final BrokerConfig config;

    public HelloHandler(BrokerConfig config) {
        this.config = config;
    }

    @Override
    public CompletableFuture<Reply> handle(RequestContext context, Hello.Request request) {
        int version = ProtocolVersion.negotiate(request.minVersion(), request.maxVersion());
        if (version < 0) {
            return Reply.error(ErrorCode.UNSUPPORTED_VERSION, "client speaks versions " + request.minVersion() + ".."
                    + request.maxVersion() + ", broker " + ProtocolVersion.MIN_SUPPORTED + ".."
                    + ProtocolVersion.CURRENT).done();
        }
        context.channel().negotiated(version);
        context.channel().identify(request.clientId());
        return Reply.ok(new Hello.Response(version, config.get(BrokerConfigKeys.BROKER_NAME), BrokerVersion.VERSION,
                config.get(BrokerConfigKeys.MAX_FRAME_SIZE), config.get(BrokerConfigKeys.MAX_MESSAGE_SIZE))).done();
    }
}
