package io.ternmq.broker.handler.pull;

import io.ternmq.broker.core.BrokerCore;
import io.ternmq.broker.filter.SubscriptionFilters;
import io.ternmq.broker.group.SubscriptionGroupConfig;
import io.ternmq.broker.longpolling.PullRequestHoldService;
import io.ternmq.broker.metadata.ResourceName;
import io.ternmq.broker.message.ReadBytesOutcome;
import io.ternmq.broker.remoting.ErrorMapping;
import io.ternmq.broker.remoting.Reply;
import io.ternmq.broker.remoting.RequestContext;
import io.ternmq.broker.remoting.RequestHandler;
import io.ternmq.broker.store.MessageFilter;
import io.ternmq.broker.store.ReadBytesResult;
import io.ternmq.broker.topic.TopicCheck;
import io.ternmq.protocol.ErrorCode;
import io.ternmq.protocol.command.Pull;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * PULL: reads a queue from an offset with the subscription's tag filter, commits the piggy-backed offset, and when
 * nothing is new holds the request (long polling) for up to {@code min(maxWaitMs, longPollingMaxWaitMs)}.
 */
public final class PullHandler implements RequestHandler<Pull.Request> {
    /** Most messages one pull returns, whatever the client asks. */
    static final int MAX_MESSAGES = 1024;

    private final BrokerCore core;
    private final PullRequestHoldService holds;
    private final long maxWaitCapMs;
    private final int maxBytesCap;

    /**
     * @param maxWaitCapMs longest hold ({@code longPollingMaxWaitMs})
     * @param maxBytesCap  most message bytes per response, so the response fits in a frame
     */
    public PullHandler(BrokerCore core, PullRequestHoldService holds, long maxWaitCapMs, int maxBytesCap) {
        this.core = core;
        this.holds = holds;
        this.maxWaitCapMs = maxWaitCapMs;
        this.maxBytesCap = maxBytesCap;
    }

    @Override
    public CompletableFuture<Reply> handle(RequestContext context, Pull.Request request) {
        Reply invalid = validate(request);
        if (invalid != null) {
            return invalid.done();
        }
        SubscriptionFilters.Compiled filter = SubscriptionFilters.compile(request.subscription());
        if (!filter.ok()) {
            return Reply.error(ErrorCode.SUBSCRIPTION_ILLEGAL, filter.problem()).done();
        }
        if (request.group() != null && request.commitOffset() >= 0) {
            core.offsets().commit(request.group(), request.topic(), request.queueId(), request.commitOffset());
        }
        ReadBytesOutcome first = read(request, filter.filter());
        if (first.topicCheck() != TopicCheck.OK) {
            return ErrorMapping.reply(first.topicCheck(), request.topic(), request.queueId()).done();
        }
        long waitMs = Math.min(request.maxWaitMs(), maxWaitCapMs);
        Pull.Status status = ErrorMapping.of(first.result().status(), request.offset());
        if (status != Pull.Status.NO_NEW_MESSAGE || waitMs <= 0) {
            return toReply(first, request).done();
        }
        Optional<CompletableFuture<Reply>> held = holds.hold(request.topic(), request.queueId(), request.offset(),
                waitMs, () -> toReply(read(request, filter.filter()), request));
        return held.orElseGet(() -> Reply.error(ErrorCode.SYSTEM_BUSY,
                "too many pulls held (longPollingMaxHeldRequests); retry shortly").done());
    }

    private Reply validate(Pull.Request request) {
        if (request.offset() < 0) {
            return Reply.error(ErrorCode.INVALID_ARGUMENT, "offset must be >= 0, was " + request.offset());
        }
        if (request.maxMessages() <= 0) {
            return Reply.error(ErrorCode.INVALID_ARGUMENT, "maxMessages must be > 0, was " + request.maxMessages());
        }
        if (request.group() == null) {
            return null;
        }
        Optional<String> problem = ResourceName.GROUP.problem(request.group());
        if (problem.isPresent()) {
            return Reply.error(ErrorCode.INVALID_ARGUMENT, problem.get());
        }
        Optional<SubscriptionGroupConfig> group = core.subscriptionGroups().getOrCreate(request.group());
        if (group.isEmpty()) {
            return Reply.error(ErrorCode.SUBSCRIPTION_ILLEGAL, "consumer group " + request.group()
                    + " does not exist and autoCreateSubscriptionGroup is off");
        }
        if (!group.get().consumeEnable()) {
            return Reply.error(ErrorCode.NO_PERMISSION, "consumer group " + request.group() + " may not consume");
        }
        return null;
    }

    private ReadBytesOutcome read(Pull.Request request, MessageFilter filter) {
        int maxMessages = Math.min(request.maxMessages(), MAX_MESSAGES);
        int maxBytes = request.maxBytes() <= 0 ? maxBytesCap : Math.min(request.maxBytes(), maxBytesCap);
        return core.messages().readBytes(request.topic(), request.queueId(), request.offset(), maxMessages,
                maxBytes, filter);
    }

    private static Reply toReply(ReadBytesOutcome outcome, Pull.Request request) {
        if (outcome.topicCheck() != TopicCheck.OK) {
            return ErrorMapping.reply(outcome.topicCheck(), request.topic(), request.queueId());
        }
        ReadBytesResult r = outcome.result();
        Pull.Status status = ErrorMapping.of(r.status(), request.offset());
        long next = switch (r.status()) {
            case NO_SUCH_QUEUE -> 0;
            case NO_NEW_MESSAGE -> request.offset();
            default -> r.nextOffset();
        };
        return Reply.ok(new StoredPullResponse(status, next, r.minOffset(), r.maxOffset(), r.messages()));
    }
}
