package io.ternmq.broker.store;

import java.util.Map;
import java.util.Objects;

/**
 * A message as handed to the store, before it has a position.
 *
 * @param properties     string properties; well-known ones are in {@link MessageProperty}
 * @param body           the payload (may be empty, never null)
 * @param bornTimestamp  producer-side creation time, epoch ms
 * @param flag           user flag, stored as is
 * @param sysFlag        system flags (transaction state etc.), stored as is
 * @param reconsumeTimes how often this message has been redelivered (retry topics)
 */
public record MessageDraft(Map<String, String> properties, byte[] body, long bornTimestamp, int flag, int sysFlag,
                           int reconsumeTimes) {
    public MessageDraft {
        properties = properties == null ? Map.of() : Map.copyOf(properties);
        Objects.requireNonNull(body, "body");
    }

    public static MessageDraft of(byte[] body, Map<String, String> properties, long bornTimestamp) {
        return new MessageDraft(properties, body, bornTimestamp, 0, 0, 0);
    }
}
