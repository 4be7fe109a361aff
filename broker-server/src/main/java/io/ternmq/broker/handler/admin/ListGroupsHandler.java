package io.ternmq.broker.handler.admin;

import io.ternmq.broker.client.ConsumerGroupView;
import io.ternmq.broker.core.BrokerCore;
import io.ternmq.broker.group.SubscriptionGroupConfig;
import io.ternmq.broker.offset.OffsetKey;
import io.ternmq.broker.remoting.Reply;
import io.ternmq.broker.remoting.RequestContext;
import io.ternmq.broker.remoting.RequestHandler;
import io.ternmq.protocol.command.Empty;
import io.ternmq.protocol.command.Progress;
import io.ternmq.protocol.message.MessageModel;
import io.ternmq.protocol.message.Subscription;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;

/**
 * LIST_GROUPS: every consumer group the broker knows (live, configured, or with committed offsets), with its live
 * clients and its topics.
 */
public final class ListGroupsHandler implements RequestHandler<Empty> {
    private final BrokerCore core;

    public ListGroupsHandler(BrokerCore core) {
        this.core = core;
    }

    @Override
    public CompletableFuture<Reply> handle(RequestContext context, Empty request) {
        Map<String, ConsumerGroupView> live = new TreeMap<>();
        core.consumerGroups().consumerGroups().forEach(v -> live.put(v.group(), v));
        Set<String> names = new TreeSet<>(live.keySet());
        core.subscriptionGroups().all().stream().map(SubscriptionGroupConfig::name).forEach(names::add);
        names.addAll(core.offsets().groups());
        List<Progress.GroupInfo> groups = new ArrayList<>();
        for (String name : names) {
            ConsumerGroupView view = live.get(name);
            Set<String> topics = new TreeSet<>();
            core.offsets().offsetsOf(name).keySet().stream().map(OffsetKey::topic).forEach(topics::add);
            if (view != null) {
                view.subscriptions().stream().map(Subscription::topic).forEach(topics::add);
            }
            groups.add(new Progress.GroupInfo(name, view == null ? MessageModel.CLUSTERING : view.model(),
                    view == null ? List.of() : view.clientIds(), List.copyOf(topics)));
        }
        return Reply.ok(new Progress.Groups(groups)).done();
    }
}
