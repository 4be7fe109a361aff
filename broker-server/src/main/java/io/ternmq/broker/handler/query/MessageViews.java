package io.ternmq.broker.handler.query;

import io.ternmq.broker.store.StoredMessage;
import io.ternmq.protocol.message.MessageView;

import java.util.ArrayList;
import java.util.List;

/** Converts stored messages to the wire's {@link MessageView}: the one seam between store and protocol messages. */
public final class MessageViews {
    private MessageViews() {
    }

    public static MessageView of(StoredMessage m) {
        return new MessageView(m.topic(), m.queueId(), m.queueOffset(), m.commitLogOffset(), m.messageId(),
                m.storeTimestamp(), m.bornTimestamp(), m.bornHost(), m.storeHost(), m.flag(), m.sysFlag(),
                m.reconsumeTimes(), m.properties(), m.body());
    }

    public static List<MessageView> of(List<StoredMessage> messages) {
        List<MessageView> views = new ArrayList<>(messages.size());
        for (StoredMessage m : messages) {
            views.add(of(m));
        }
        return views;
    }
}
