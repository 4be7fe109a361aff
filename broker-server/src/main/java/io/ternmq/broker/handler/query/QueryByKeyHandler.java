package io.ternmq.broker.handler.query;

import io.ternmq.broker.store.MessageStore;
import io.ternmq.broker.remoting.Reply;
import io.ternmq.broker.remoting.RequestContext;
import io.ternmq.broker.remoting.RequestHandler;
import io.ternmq.protocol.command.QueryMessages;

import java.util.concurrent.CompletableFuture;

/** QUERY_MESSAGE_BY_KEY: messages whose KEYS (or UNIQ_KEY) contain the key; an empty list when none match. */
public final class QueryByKeyHandler implements RequestHandler<QueryMessages.ByKey> {
    private final MessageStore store;
    private final QueryLimits limits;

    public QueryByKeyHandler(MessageStore store, QueryLimits limits) {
        this.store = store;
        this.limits = limits;
    }

    @Override
    public CompletableFuture<Reply> handle(RequestContext context, QueryMessages.ByKey request) {
        var found = store.queryByKey(request.topic(), request.key(), request.beginTimestamp(),
                request.endTimestamp(), limits.maxResults(request.maxResults()));
        return Reply.ok(new QueryMessages.Result(limits.fit(found))).done();
    }
}
