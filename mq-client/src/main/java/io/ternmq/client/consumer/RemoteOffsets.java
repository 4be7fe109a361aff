package io.ternmq.client.consumer;

import io.ternmq.client.MQBrokerException;
import io.ternmq.client.MessageQueue;
import io.ternmq.client.remoting.RemotingClient;
import io.ternmq.protocol.ErrorCode;
import io.ternmq.protocol.command.Commands;
import io.ternmq.protocol.command.ConsumerOffsets;
import io.ternmq.protocol.command.QueryMessages;

import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;

/** A group's offsets as the broker stores them: query, commit, and search by time. Thread-safe. */
final class RemoteOffsets {
    private final RemotingClient remoting;
    private final String group;

    RemoteOffsets(RemotingClient remoting, String group) {
        this.remoting = remoting;
        this.group = group;
    }

    /** The committed offset, or empty when the group has none for the queue. */
    CompletableFuture<OptionalLong> query(MessageQueue mq) {
        return remoting.invoke(Commands.QUERY_CONSUMER_OFFSET,
                new ConsumerOffsets.QueryRequest(group, mq.topic(), mq.queueId())).handle((r, e) -> {
                    if (e == null) {
                        return OptionalLong.of(r.offset());
                    }
                    if (e instanceof MQBrokerException b && b.errorCode() == ErrorCode.QUERY_NOT_FOUND) {
                        return OptionalLong.empty();
                    }
                    throw e instanceof RuntimeException re ? re : new IllegalStateException(e);
                });
    }

    CompletableFuture<Void> commit(Map<MessageQueue, Long> offsets) {
        if (offsets.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        List<ConsumerOffsets.QueueOffset> list = offsets.entrySet().stream()
                .map(e -> new ConsumerOffsets.QueueOffset(e.getKey().topic(), e.getKey().queueId(), e.getValue()))
                .toList();
        return remoting.invoke(Commands.COMMIT_CONSUMER_OFFSET, new ConsumerOffsets.CommitRequest(group, list))
                .thenApply(x -> null);
    }

    CompletableFuture<Long> searchOffset(MessageQueue mq, long timestamp) {
        return remoting.invoke(Commands.SEARCH_OFFSET,
                new QueryMessages.OffsetByTime(mq.topic(), mq.queueId(), timestamp)).thenApply(r -> r.offset());
    }
}
