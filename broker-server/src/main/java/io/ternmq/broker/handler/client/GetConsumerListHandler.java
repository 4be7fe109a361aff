package io.ternmq.broker.handler.client;

import io.ternmq.broker.client.ConsumerGroupRegistry;
import io.ternmq.broker.remoting.Reply;
import io.ternmq.broker.remoting.RequestContext;
import io.ternmq.broker.remoting.RequestHandler;
import io.ternmq.protocol.command.ConsumerList;

import java.util.concurrent.CompletableFuture;

/** GET_CONSUMER_LIST: the sorted client ids of a group's live members (empty for an unknown group). */
public final class GetConsumerListHandler implements RequestHandler<ConsumerList.GroupRequest> {
    private final ConsumerGroupRegistry groups;

    public GetConsumerListHandler(ConsumerGroupRegistry groups) {
        this.groups = groups;
    }

    @Override
    public CompletableFuture<Reply> handle(RequestContext context, ConsumerList.GroupRequest request) {
        return Reply.ok(new ConsumerList.Response(groups.consumerIds(request.group()))).done();
    }
}
