package io.ternmq.broker.handler.client;

import io.ternmq.broker.client.ConsumerGroupRegistry;
import io.ternmq.broker.remoting.Reply;
import io.ternmq.broker.remoting.RequestContext;
import io.ternmq.broker.remoting.RequestHandler;
import io.ternmq.protocol.command.Empty;
import io.ternmq.protocol.command.Heartbeat;

import java.util.concurrent.CompletableFuture;

/** UNREGISTER_CLIENT: removes the client from all its groups at once, so the others rebalance immediately. */
public final class UnregisterClientHandler implements RequestHandler<Heartbeat.Unregister> {
    private final ConsumerGroupRegistry groups;

    public UnregisterClientHandler(ConsumerGroupRegistry groups) {
        this.groups = groups;
    }

    @Override
    public CompletableFuture<Reply> handle(RequestContext context, Heartbeat.Unregister request) {
        groups.unregister(request.clientId());
        return Reply.ok(Empty.INSTANCE).done();
    }
}
