package io.ternmq.protocol.command;

import io.ternmq.protocol.codec.WireReader;
import io.ternmq.protocol.codec.WireWriter;

/**
 * SEND_BACK: a consumer hands back a message whose consumption failed. The broker redelivers a copy through the
 * group's {@code %RETRY%group} topic after a back-off, or moves it to {@code %DLQ%group} once the message has been
 * reconsumed {@code maxReconsumeTimes} times.
 */
public final class SendBack {
    private SendBack() {
    }

    /** Where the broker put the message. */
    public enum Outcome {
        /** A copy waits in the schedule and is then delivered to {@code %RETRY%group}. */
        RETRY,
        /** The retries are used up: a copy is in {@code %DLQ%group}. */
        DLQ
    }

    /**
     * Wire: {@code string group, string messageId, int32 delayLevel, int32 maxReconsumeTimes}.
     *
     * @param group             the consumer group that failed the message (required)
     * @param messageId         the broker message id of the message as the consumer received it (required)
     * @param delayLevel        0 = the broker picks level {@code 3 + reconsumeTimes}; 1.. = that level; negative =
     *                          straight to the DLQ
     * @param maxReconsumeTimes -1 = the group's {@code retryMaxTimes} (16 unless configured); 0.. = this limit
     */
    public record Request(String group, String messageId, int delayLevel, int maxReconsumeTimes) implements Body {
        @Override
        public void encode(WireWriter out, int version) {
            out.string(group).string(messageId).int32(delayLevel).int32(maxReconsumeTimes);
        }

        public static Request decode(WireReader in, int version) {
            return new Request(in.requiredString("group"), in.requiredString("messageId"), in.int32(), in.int32());
        }
    }

    /**
     * Wire: {@code int8 outcome, string topic, string messageId, int32 reconsumeTimes}: the topic the copy is
     * bound for ({@code %RETRY%group} or {@code %DLQ%group}), the copy's broker id, and its reconsume count.
     */
    public record Response(Outcome outcome, String topic, String messageId, int reconsumeTimes) implements Body {
        @Override
        public void encode(WireWriter out, int version) {
            out.int8(outcome.ordinal()).string(topic).string(messageId).int32(reconsumeTimes);
        }

        public static Response decode(WireReader in, int version) {
            return new Response(in.enumValue(Outcome.values(), "outcome"), in.requiredString("topic"), in.string(),
                    in.int32());
        }
    }
}
