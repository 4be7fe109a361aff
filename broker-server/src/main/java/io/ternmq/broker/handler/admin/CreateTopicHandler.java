package io.ternmq.broker.handler.admin;

import io.ternmq.broker.metadata.ResourceName;
import io.ternmq.broker.remoting.Reply;
import io.ternmq.broker.remoting.RequestContext;
import io.ternmq.broker.remoting.RequestHandler;
import io.ternmq.broker.topic.TopicConfig;
import io.ternmq.broker.topic.TopicRegistry;
import io.ternmq.protocol.ErrorCode;
import io.ternmq.protocol.command.Empty;
import io.ternmq.protocol.command.Topics;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** CREATE_TOPIC: creates a topic or updates its queue count, permissions and order flag. */
public final class CreateTopicHandler implements RequestHandler<Topics.Config> {
    /** Most queues a topic may have. */
    public static final int MAX_QUEUE_NUMS = 1024;

    private final TopicRegistry topics;

    public CreateTopicHandler(TopicRegistry topics) {
        this.topics = topics;
    }

    @Override
    public CompletableFuture<Reply> handle(RequestContext context, Topics.Config request) {
        Optional<String> problem = ResourceName.TOPIC.problem(request.topic());
        if (problem.isPresent()) {
            return Reply.error(ErrorCode.INVALID_ARGUMENT, problem.get()).done();
        }
        if (request.queueNums() < 1 || request.queueNums() > MAX_QUEUE_NUMS) {
            return Reply.error(ErrorCode.INVALID_ARGUMENT, "queueNums must be 1.." + MAX_QUEUE_NUMS + ", was "
                    + request.queueNums()).done();
        }
        int perm = request.perm();
        if (perm != Topics.PERM_READ && perm != Topics.PERM_WRITE && perm != Topics.PERM_READ_WRITE) {
            return Reply.error(ErrorCode.INVALID_ARGUMENT, "perm must be 2 (write), 4 (read) or 6 (both), was "
                    + perm).done();
        }
        topics.put(new TopicConfig(request.topic(), request.queueNums(), perm, request.order()));
        return Reply.ok(Empty.INSTANCE).done();
    }
}
