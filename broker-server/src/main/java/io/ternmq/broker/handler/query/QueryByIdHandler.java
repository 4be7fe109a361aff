package io.ternmq.broker.handler.query;

import io.ternmq.broker.store.MessageStore;
import io.ternmq.broker.store.StoredMessage;
import io.ternmq.broker.remoting.Reply;
import io.ternmq.broker.remoting.RequestContext;
import io.ternmq.broker.remoting.RequestHandler;
import io.ternmq.protocol.ErrorCode;
import io.ternmq.protocol.command.QueryMessages;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** QUERY_MESSAGE_BY_ID: one message by broker id or client UNIQ_KEY; QUERY_NOT_FOUND when there is none. */
public final class QueryByIdHandler implements RequestHandler<QueryMessages.ById> {
    private final MessageStore store;

    public QueryByIdHandler(MessageStore store) {
        this.store = store;
    }

    @Override
    public CompletableFuture<Reply> handle(RequestContext context, QueryMessages.ById request) {
        Optional<StoredMessage> found = store.queryById(request.messageId());
        if (found.isEmpty()) {
            return Reply.error(ErrorCode.QUERY_NOT_FOUND, "no message with id " + request.messageId()).done();
        }
        return Reply.ok(new QueryMessages.Result(List.of(MessageViews.of(found.get())))).done();
    }
}
