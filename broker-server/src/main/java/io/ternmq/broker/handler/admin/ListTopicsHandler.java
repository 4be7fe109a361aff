package io.ternmq.broker.handler.admin;

import io.ternmq.broker.remoting.Reply;
import io.ternmq.broker.remoting.RequestContext;
import io.ternmq.broker.remoting.RequestHandler;
import io.ternmq.broker.topic.TopicConfig;
import io.ternmq.broker.topic.TopicRegistry;
import io.ternmq.protocol.command.Empty;
import io.ternmq.protocol.command.Topics;

import java.util.concurrent.CompletableFuture;

/** LIST_TOPICS: every topic name, sorted. */
public final class ListTopicsHandler implements RequestHandler<Empty> {
    private final TopicRegistry topics;

    public ListTopicsHandler(TopicRegistry topics) {
        this.topics = topics;
    }

    @Override
    public CompletableFuture<Reply> handle(RequestContext context, Empty request) {
        return Reply.ok(new Topics.ListResponse(topics.all().stream().map(TopicConfig::name).toList())).done();
    }
}
