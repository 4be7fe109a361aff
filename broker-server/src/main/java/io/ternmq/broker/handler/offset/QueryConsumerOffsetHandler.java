package io.ternmq.broker.handler.offset;

import io.ternmq.broker.offset.ConsumerOffsetStore;
import io.ternmq.broker.remoting.Reply;
import io.ternmq.broker.remoting.RequestContext;
import io.ternmq.broker.remoting.RequestHandler;
import io.ternmq.protocol.ErrorCode;
import io.ternmq.protocol.command.ConsumerOffsets;
import io.ternmq.protocol.command.OffsetResponse;

import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;

/**
 * QUERY_CONSUMER_OFFSET: the group's committed offset, or QUERY_NOT_FOUND when it never committed one (the client
 * then applies its consume-from-where policy; unlike RocketMQ 4.9 we never answer 0 for a young queue).
 */
public final class QueryConsumerOffsetHandler implements RequestHandler<ConsumerOffsets.QueryRequest> {
    private final ConsumerOffsetStore offsets;

    public QueryConsumerOffsetHandler(ConsumerOffsetStore offsets) {
        this.offsets = offsets;
    }

    @Override
    public CompletableFuture<Reply> handle(RequestContext context, ConsumerOffsets.QueryRequest request) {
        OptionalLong offset = offsets.query(request.group(), request.topic(), request.queueId());
        if (offset.isEmpty()) {
            return Reply.error(ErrorCode.QUERY_NOT_FOUND, "group " + request.group() + " has no offset for "
                    + request.topic() + "#" + request.queueId()).done();
        }
        return Reply.ok(new OffsetResponse(offset.getAsLong())).done();
    }
}
