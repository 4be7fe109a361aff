package io.ternmq.broker.handler.admin;

import io.ternmq.broker.group.SubscriptionGroupConfig;
import io.ternmq.broker.group.SubscriptionGroupRegistry;
import io.ternmq.broker.metadata.ResourceName;
import io.ternmq.broker.remoting.Reply;
import io.ternmq.broker.remoting.RequestContext;
import io.ternmq.broker.remoting.RequestHandler;
import io.ternmq.protocol.ErrorCode;
import io.ternmq.protocol.command.Empty;
import io.ternmq.protocol.command.SubscriptionGroups;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** UPDATE_SUBSCRIPTION_GROUP: creates or replaces a consumer group's settings (persisted at once). */
public final class UpdateSubscriptionGroupHandler implements RequestHandler<SubscriptionGroups.Config> {
    /** Highest accepted retry limit: past it a message would wait for days in retries anyway. */
    public static final int MAX_RETRY_MAX_TIMES = 1000;

    private final SubscriptionGroupRegistry groups;

    public UpdateSubscriptionGroupHandler(SubscriptionGroupRegistry groups) {
        this.groups = groups;
    }

    @Override
    public CompletableFuture<Reply> handle(RequestContext context, SubscriptionGroups.Config request) {
        Optional<String> problem = ResourceName.GROUP.problem(request.group());
        if (problem.isPresent()) {
            return Reply.error(ErrorCode.INVALID_ARGUMENT, problem.get()).done();
        }
        if (request.retryMaxTimes() < 0 || request.retryMaxTimes() > MAX_RETRY_MAX_TIMES) {
            return Reply.error(ErrorCode.INVALID_ARGUMENT, "retryMaxTimes must be 0.." + MAX_RETRY_MAX_TIMES
                    + ", was " + request.retryMaxTimes()).done();
        }
        groups.put(new SubscriptionGroupConfig(request.group(), request.consumeEnable(), request.retryMaxTimes()));
        return Reply.ok(Empty.INSTANCE).done();
    }
}
