package io.ternmq.broker.handler.offset;

import io.ternmq.broker.core.BrokerCore;
import io.ternmq.broker.remoting.ErrorMapping;
import io.ternmq.broker.remoting.Reply;
import io.ternmq.broker.remoting.RequestContext;
import io.ternmq.broker.remoting.RequestHandler;
import io.ternmq.broker.topic.TopicCheck;
import io.ternmq.protocol.command.OffsetResponse;
import io.ternmq.protocol.command.QueryMessages;

import java.util.concurrent.CompletableFuture;

/** SEARCH_OFFSET: the first queue offset stored at or after a timestamp (the max offset when all are older). */
public final class SearchOffsetHandler implements RequestHandler<QueryMessages.OffsetByTime> {
    private final BrokerCore core;

    public SearchOffsetHandler(BrokerCore core) {
        this.core = core;
    }

    @Override
    public CompletableFuture<Reply> handle(RequestContext context, QueryMessages.OffsetByTime request) {
        TopicCheck check = core.topics().checkRead(request.topic(), request.queueId());
        if (check != TopicCheck.OK) {
            return ErrorMapping.reply(check, request.topic(), request.queueId()).done();
        }
        long offset = core.messages().store().offsetForTimestamp(request.topic(), request.queueId(),
                request.timestamp());
        return Reply.ok(new OffsetResponse(offset)).done();
    }
}
