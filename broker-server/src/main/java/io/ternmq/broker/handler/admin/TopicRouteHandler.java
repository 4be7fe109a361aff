package io.ternmq.broker.handler.admin;

import io.ternmq.broker.config.BrokerConfigKeys;
import io.ternmq.broker.core.BrokerCore;
import io.ternmq.broker.remoting.Reply;
import io.ternmq.broker.remoting.RequestContext;
import io.ternmq.broker.remoting.RequestHandler;
import io.ternmq.broker.store.MessageStore;
import io.ternmq.broker.topic.TopicConfig;
import io.ternmq.protocol.ErrorCode;
import io.ternmq.protocol.command.Topics;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * TOPIC_ROUTE: the topic's config, where to reach this broker, and per queue its min/max offsets and the store time
 * of its newest message (0 for an empty queue).
 */
public final class TopicRouteHandler implements RequestHandler<Topics.Name> {
    private final BrokerCore core;
    private final Supplier<String> brokerAddress;

    /**
     * @param brokerAddress the advertised {@code host:port} of the native server
     */
    public TopicRouteHandler(BrokerCore core, Supplier<String> brokerAddress) {
        this.core = core;
        this.brokerAddress = brokerAddress;
    }

    @Override
    public CompletableFuture<Reply> handle(RequestContext context, Topics.Name request) {
        Optional<TopicConfig> topic = core.topics().get(request.topic());
        if (topic.isEmpty()) {
            return Reply.error(ErrorCode.TOPIC_NOT_EXIST, "topic " + request.topic() + " does not exist").done();
        }
        TopicConfig t = topic.get();
        MessageStore store = core.messages().store();
        List<Topics.QueueStatus> queues = new ArrayList<>(t.queueNums());
        for (int q = 0; q < t.queueNums(); q++) {
            long max = store.maxOffset(t.name(), q);
            long last = max > 0 ? Math.max(0, store.storeTimestampAt(t.name(), q, max - 1)) : 0;
            queues.add(new Topics.QueueStatus(q, store.minOffset(t.name(), q), max, last));
        }
        Topics.Config config = new Topics.Config(t.name(), t.queueNums(), t.perm(), t.order());
        return Reply.ok(new Topics.Route(config, core.config().get(BrokerConfigKeys.BROKER_NAME), brokerAddress.get(),
                queues)).done();
    }
}
