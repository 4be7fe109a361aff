package io.ternmq.broker.handler.admin;

import io.ternmq.broker.core.BrokerCore;
import io.ternmq.broker.core.GroupTopics;
import io.ternmq.broker.remoting.Reply;
import io.ternmq.broker.remoting.RequestContext;
import io.ternmq.broker.remoting.RequestHandler;
import io.ternmq.broker.store.MessageStore;
import io.ternmq.broker.topic.TopicConfig;
import io.ternmq.protocol.ErrorCode;
import io.ternmq.protocol.command.Progress;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

import java.util.concurrent.CompletableFuture;

/**
 * CONSUMER_PROGRESS: per group and queue the broker offset, the committed offset (-1 when none) and the store time
 * of the last consumed message. Queues come from the group's committed offsets and the subscriptions of its live
 * members. A null group means every known group; an unknown group is QUERY_NOT_FOUND.
 */
public final class ConsumerProgressHandler implements RequestHandler<Progress.Request> {
    private final BrokerCore core;

    public ConsumerProgressHandler(BrokerCore core) {
        this.core = core;
    }

    @Override
    public CompletableFuture<Reply> handle(RequestContext context, Progress.Request request) {
        Map<String, Set<String>> topicsByGroup = GroupTopics.of(core);
        if (request.group() != null) {
            Set<String> topics = topicsByGroup.get(request.group());
            if (topics == null) {
                return Reply.error(ErrorCode.QUERY_NOT_FOUND, "no consumer group " + request.group()).done();
            }
            topicsByGroup = Map.of(request.group(), topics);
        }
        MessageStore store = core.messages().store();
        List<Progress.QueueProgress> queues = new ArrayList<>();
        topicsByGroup.forEach((group, topics) -> {
            for (String topic : topics) {
                Optional<TopicConfig> config = core.topics().get(topic);
                if (config.isEmpty()) {
                    continue;
                }
                for (int q = 0; q < config.get().queueNums(); q++) {
                    long brokerOffset = store.maxOffset(topic, q);
                    OptionalLong committed = core.offsets().query(group, topic, q);
                    long consumer = committed.orElse(-1);
                    long last = consumer > 0 ? Math.max(0, store.storeTimestampAt(topic, q, consumer - 1)) : 0;
                    queues.add(new Progress.QueueProgress(group, topic, q, brokerOffset, consumer, last));
                }
            }
        });
        return Reply.ok(new Progress.Response(queues)).done();
    }

}
