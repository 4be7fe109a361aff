package io.ternmq.client.consumer;

import io.ternmq.client.MessageQueue;
import io.ternmq.client.remoting.RemotingClient;
import io.ternmq.protocol.command.Pull;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Issues PULL requests and turns responses into {@link PullResult}s of lazily decoded messages ({@link PulledMessages}), re-checking tags on the client because the
 * broker's tag-hash filter can let a collision through. The RPC timeout is the long-poll wait plus the request
 * timeout, so a held pull is not mistaken for a dead broker. Thread-safe.
 */
final class BrokerPuller {
    /** Bytes per pull response the broker should not exceed. */
    static final int MAX_BYTES = 4 * 1024 * 1024;

    private final RemotingClient remoting;
    private final String group;

    BrokerPuller(RemotingClient remoting, String group) {
        this.remoting = remoting;
        this.group = group;
    }

    /**
     * @param commitOffset also commits this offset for the group in the same round trip; -1 for none
     */
    CompletableFuture<PullResult> pull(MessageQueue mq, SubscriptionFilter filter, long offset, int maxMessages,
                                       Duration maxWait, long commitOffset) {
        Pull.Request request = new Pull.Request(group, mq.topic(), mq.queueId(), offset, maxMessages, MAX_BYTES,
                maxWait.toMillis(), filter.subscription(), commitOffset);
        Duration rpcTimeout = maxWait.plus(remoting.config().requestTimeout());
        return remoting.invoke(PulledMessages.PULL, request, rpcTimeout).thenApply(r -> toResult(r, filter));
    }

    private static PullResult toResult(PulledMessages r, SubscriptionFilter filter) {
        List<MessageExt> messages = r.messages();
        if (!filter.matchesAll()) { // only a tag filter needs the properties decoded here
            messages = new ArrayList<>(messages.size());
            for (MessageExt m : r.messages()) {
                if (filter.matches(m.tags())) {
                    messages.add(m);
                }
            }
        }
        PullStatus status = switch (r.status()) {
            case FOUND -> messages.isEmpty() ? PullStatus.NO_MATCHED_MSG : PullStatus.FOUND;
            case NO_NEW_MESSAGE -> PullStatus.NO_NEW_MSG;
            case NO_MATCHED_MESSAGE -> PullStatus.NO_MATCHED_MSG;
            case OFFSET_MOVED -> PullStatus.OFFSET_ILLEGAL;
        };
        return new PullResult(status, r.nextOffset(), r.minOffset(), r.maxOffset(),
                Collections.unmodifiableList(messages));
    }
}
