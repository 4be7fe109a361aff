package io.ternmq.protocol.command;

import io.ternmq.protocol.codec.WireReader;
import io.ternmq.protocol.codec.WireWriter;

/** A consumer group's broker-side settings. */
public final class SubscriptionGroups {
    private SubscriptionGroups() {
    }

    /**
     * UPDATE_SUBSCRIPTION_GROUP request. Wire: {@code string group} (required), {@code bool consumeEnable,
     * int32 retryMaxTimes}.
     *
     * @param retryMaxTimes redeliveries before a failed message goes to {@code %DLQ%group} when the consumer does
     *                      not send its own limit; 0 .. 1000 (16 by default)
     */
    public record Config(String group, boolean consumeEnable, int retryMaxTimes) implements Body {
        @Override
        public void encode(WireWriter out, int version) {
            out.string(group).bool(consumeEnable).int32(retryMaxTimes);
        }

        public static Config decode(WireReader in, int version) {
            return new Config(in.requiredString("group"), in.bool(), in.int32());
        }
    }
}
