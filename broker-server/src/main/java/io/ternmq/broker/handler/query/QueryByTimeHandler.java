package io.ternmq.broker.handler.query;

import io.ternmq.broker.store.MessageStore;
import io.ternmq.broker.remoting.Reply;
import io.ternmq.broker.remoting.RequestContext;
import io.ternmq.broker.remoting.RequestHandler;
import io.ternmq.protocol.command.QueryMessages;

import java.util.concurrent.CompletableFuture;

/** QUERY_MESSAGE_BY_TIME: messages of a topic stored within a time range, oldest first; empty when none. */
public final class QueryByTimeHandler implements RequestHandler<QueryMessages.ByTime> {
    private final MessageStore store;
    private final QueryLimits limits;

    public QueryByTimeHandler(MessageStore store, QueryLimits limits) {
        this.store = store;
        this.limits = limits;
    }

    @Override
    public CompletableFuture<Reply> handle(RequestContext context, QueryMessages.ByTime request) {
        var found = store.queryByTime(request.topic(), request.beginTimestamp(), request.endTimestamp(),
                limits.maxResults(request.maxResults()));
        return Reply.ok(new QueryMessages.Result(limits.fit(found))).done();
    }
}
