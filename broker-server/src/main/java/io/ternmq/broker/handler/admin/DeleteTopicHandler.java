package io.ternmq.broker.handler.admin;

import io.ternmq.broker.core.BrokerCore;
import io.ternmq.broker.remoting.Reply;
import io.ternmq.broker.remoting.RequestContext;
import io.ternmq.broker.remoting.RequestHandler;
import io.ternmq.protocol.ErrorCode;
import io.ternmq.protocol.command.Empty;
import io.ternmq.protocol.command.Topics;

import java.util.concurrent.CompletableFuture;

/** DELETE_TOPIC: removes the topic, its consumer offsets and its store queues. */
public final class DeleteTopicHandler implements RequestHandler<Topics.Name> {
    private final BrokerCore core;

    public DeleteTopicHandler(BrokerCore core) {
        this.core = core;
    }

    @Override
    public CompletableFuture<Reply> handle(RequestContext context, Topics.Name request) {
        if (!core.deleteTopic(request.topic())) {
            return Reply.error(ErrorCode.TOPIC_NOT_EXIST, "topic " + request.topic() + " does not exist").done();
        }
        return Reply.ok(Empty.INSTANCE).done();
    }
}
