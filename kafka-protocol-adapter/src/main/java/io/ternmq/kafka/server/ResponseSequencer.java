package io.ternmq.kafka.server;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;

import java.util.ArrayDeque;

/**
 * Puts one connection's replies back into request order. Every request takes a {@link Slot} when it arrives; replies
 * complete slots in any order, and the sequencer writes the longest completed prefix of the queue, so a response
 * never overtakes the response to an earlier request (Kafka clients match responses by position and fail on a
 * correlation-id mismatch). A reply that closes the connection is written after every earlier one, and everything
 * queued behind it is discarded.
 *
 * <p>Confined to the connection's event loop: call every method there.
 */
final class ResponseSequencer {
    private static final System.Logger LOG = System.getLogger(ResponseSequencer.class.getName());

    private final Channel channel;
    private final ArrayDeque<Slot> queue = new ArrayDeque<>();
    private boolean closing;
    /** The latest write; futures complete in write order, so closing after it closes after every reply. */
    private ChannelFuture lastWrite;

    /** A request's place in the response order. */
    static final class Slot {
        private Reply reply;
    }

    ResponseSequencer(Channel channel) {
        this.channel = channel;
    }

    /** Takes the next place in the response order. */
    Slot reserve() {
        Slot slot = new Slot();
        queue.addLast(slot);
        return slot;
    }

    /** Requests taken and not yet answered (or skipped). */
    int inFlight() {
        return queue.size();
    }

    /** True once a reply closed the connection: later requests are not processed. */
    boolean closing() {
        return closing;
    }

    /** Fills a slot, then writes every reply that is now at the head of the queue. */
    void complete(Slot slot, Reply reply) {
        if (closing || !channel.isActive()) {
            reply.discard();
            queue.remove(slot);
            return;
        }
        slot.reply = reply;
        boolean wrote = false;
        while (!queue.isEmpty() && queue.peekFirst().reply != null) {
            Reply next = queue.pollFirst().reply;
            if (next.payload() != null) {
                lastWrite = channel.write(next.payload());
                wrote = true;
            }
            if (next.closeAfter()) {
                closeAfterWrites(next.reason());
                return;
            }
        }
        if (wrote) {
            channel.flush();
        }
    }

    private void closeAfterWrites(String reason) {
        closing = true;
        LOG.log(System.Logger.Level.INFO, "closing Kafka connection {0}: {1}", describe(), reason);
        discardQueued();
        channel.flush();
        if (lastWrite != null) {
            lastWrite.addListener(ChannelFutureListener.CLOSE);
        } else {
            channel.close();
        }
    }

    /** Drops every queued reply (the connection closed). */
    void discardQueued() {
        for (Slot slot : queue) {
            if (slot.reply != null) {
                slot.reply.discard();
            }
        }
        queue.clear();
    }

    private String describe() {
        KafkaConnection connection = KafkaConnection.of(channel);
        return connection != null ? connection.toString() : String.valueOf(channel.remoteAddress());
    }
}
