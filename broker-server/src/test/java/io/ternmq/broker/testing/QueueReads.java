package io.ternmq.broker.testing;

import io.ternmq.protocol.command.Commands;
import io.ternmq.protocol.command.Pull;
import io.ternmq.protocol.command.Send;
import io.ternmq.protocol.message.ExpressionType;
import io.ternmq.protocol.message.MessageView;
import io.ternmq.protocol.message.OutgoingMessage;
import io.ternmq.protocol.message.Subscription;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Sends and whole-queue reads over a {@link RawClient}, for tests that check what a queue holds. */
public final class QueueReads {
    private QueueReads() {
    }

    /** A message with these properties (key, value, key, value ...) and a UTF-8 body. */
    public static OutgoingMessage message(String body, String... properties) {
        Map<String, String> props = new HashMap<>();
        for (int i = 0; i < properties.length; i += 2) {
            props.put(properties[i], properties[i + 1]);
        }
        return new OutgoingMessage(props, body.getBytes(StandardCharsets.UTF_8), System.currentTimeMillis(), 0, 0);
    }

    public static RawClient.Response<Send.Response> send(RawClient c, String topic, int queueId, OutgoingMessage m)
            throws IOException {
        return c.call(Commands.SEND, new Send.Request("pg", topic, queueId, List.of(m)));
    }

    /** Everything in the queue from offset 0, without waiting. */
    public static List<MessageView> all(RawClient c, String topic, int queueId) throws IOException {
        List<MessageView> out = new ArrayList<>();
        long offset = 0;
        while (true) {
            RawClient.Response<Pull.Response> r = c.call(Commands.PULL, new Pull.Request("reader", topic, queueId,
                    offset, 32, 1 << 20, 0, new Subscription(topic, ExpressionType.TAG, "*"), -1));
            if (r.body() == null || r.body().status() != Pull.Status.FOUND) {
                return out;
            }
            out.addAll(r.body().messages());
            offset = r.body().nextOffset();
        }
    }

    public static String body(MessageView m) {
        return new String(m.body(), StandardCharsets.UTF_8);
    }
}
