package io.ternmq.broker.handler.client;

import io.ternmq.broker.core.BrokerCore;
import io.ternmq.broker.filter.SubscriptionFilters;
import io.ternmq.broker.metadata.ResourceName;
import io.ternmq.broker.remoting.Reply;
import io.ternmq.broker.retry.RetryTopics;
import io.ternmq.broker.remoting.RequestContext;
import io.ternmq.broker.remoting.RequestHandler;
import io.ternmq.protocol.ErrorCode;
import io.ternmq.protocol.command.Empty;
import io.ternmq.protocol.command.Heartbeat;
import io.ternmq.protocol.message.MessageModel;
import io.ternmq.protocol.message.Subscription;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * HEARTBEAT: registers the client with its producer and consumer groups and subscriptions, creating subscription
 * groups when {@code autoCreateSubscriptionGroup} is on. Membership changes notify the group's members. The whole
 * heartbeat is validated before anything is registered.
 */
public final class HeartbeatHandler implements RequestHandler<Heartbeat.Request> {
    private final BrokerCore core;

    public HeartbeatHandler(BrokerCore core) {
        this.core = core;
    }

    @Override
    public CompletableFuture<Reply> handle(RequestContext context, Heartbeat.Request request) {
        Reply invalid = validate(request);
        if (invalid != null) {
            return invalid.done();
        }
        for (Heartbeat.ConsumerGroup g : request.consumerGroups()) {
            if (core.subscriptionGroups().getOrCreate(g.group()).isEmpty()) {
                return Reply.error(ErrorCode.SUBSCRIPTION_ILLEGAL, "consumer group " + g.group()
                        + " does not exist and autoCreateSubscriptionGroup is off").done();
            }
        }
        for (Heartbeat.ConsumerGroup g : request.consumerGroups()) {
            if (g.model() == MessageModel.CLUSTERING) {
                // clustering consumers subscribe to their retry topic; it must exist before their first pull
                RetryTopics.ensure(core.topics(), RetryTopics.retryTopic(g.group()));
            }
        }
        context.channel().identify(request.clientId());
        core.consumerGroups().heartbeat(request.clientId(), context.channel(), request.producerGroups(),
                request.consumerGroups());
        return Reply.ok(Empty.INSTANCE).done();
    }

    private static Reply validate(Heartbeat.Request request) {
        if (request.clientId().isBlank()) {
            return Reply.error(ErrorCode.INVALID_ARGUMENT, "clientId is empty");
        }
        for (String p : request.producerGroups()) {
            Optional<String> problem = ResourceName.GROUP.problem(p);
            if (problem.isPresent()) {
                return Reply.error(ErrorCode.INVALID_ARGUMENT, problem.get());
            }
        }
        for (Heartbeat.ConsumerGroup g : request.consumerGroups()) {
            Optional<String> problem = ResourceName.GROUP.problem(g.group());
            if (problem.isPresent()) {
                return Reply.error(ErrorCode.INVALID_ARGUMENT, problem.get());
            }
            for (Subscription s : g.subscriptions()) {
                SubscriptionFilters.Compiled compiled = SubscriptionFilters.compile(s);
                if (!compiled.ok()) {
                    return Reply.error(ErrorCode.SUBSCRIPTION_ILLEGAL, "group " + g.group() + ", topic " + s.topic()
                            + ": " + compiled.problem());
                }
            }
        }
        return null;
    }
}
