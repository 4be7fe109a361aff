package io.ternmq.broker.handler.offset;

import io.ternmq.broker.metadata.ResourceName;
import io.ternmq.broker.offset.ConsumerOffsetStore;
import io.ternmq.broker.remoting.Reply;
import io.ternmq.broker.remoting.RequestContext;
import io.ternmq.broker.remoting.RequestHandler;
import io.ternmq.broker.topic.TopicRegistry;
import io.ternmq.protocol.ErrorCode;
import io.ternmq.protocol.command.ConsumerOffsets;
import io.ternmq.protocol.command.Empty;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * COMMIT_CONSUMER_OFFSET: records a group's offsets for one or more queues (often sent one-way). The whole request
 * is validated first, so either every offset is committed or none.
 */
public final class CommitConsumerOffsetHandler implements RequestHandler<ConsumerOffsets.CommitRequest> {
    private final ConsumerOffsetStore offsets;
    private final TopicRegistry topics;

    public CommitConsumerOffsetHandler(ConsumerOffsetStore offsets, TopicRegistry topics) {
        this.offsets = offsets;
        this.topics = topics;
    }

    @Override
    public CompletableFuture<Reply> handle(RequestContext context, ConsumerOffsets.CommitRequest request) {
        Optional<String> groupProblem = ResourceName.GROUP.problem(request.group());
        if (groupProblem.isPresent()) {
            return Reply.error(ErrorCode.INVALID_ARGUMENT, groupProblem.get()).done();
        }
        for (ConsumerOffsets.QueueOffset o : request.offsets()) {
            if (topics.get(o.topic()).isEmpty()) {
                return Reply.error(ErrorCode.TOPIC_NOT_EXIST, "topic " + o.topic() + " does not exist").done();
            }
            if (o.offset() < 0 || o.queueId() < 0) {
                return Reply.error(ErrorCode.INVALID_ARGUMENT, "offset and queueId must be >= 0: " + o).done();
            }
        }
        for (ConsumerOffsets.QueueOffset o : request.offsets()) {
            offsets.commit(request.group(), o.topic(), o.queueId(), o.offset());
        }
        return Reply.ok(Empty.INSTANCE).done();
    }
}
