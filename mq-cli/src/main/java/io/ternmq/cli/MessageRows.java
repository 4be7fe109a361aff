package io.ternmq.cli;

import io.ternmq.cli.output.Report;
import io.ternmq.cli.output.Table;
import io.ternmq.client.consumer.MessageExt;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** How messages are shown: one row per message in lists, every attribute in the detail view. */
final class MessageRows {
    private MessageRows() {
    }

    static Table table(List<MessageExt> messages) {
        Table table = new Table("topic", "queueId", "queueOffset", "msgId", "tags", "keys", "storeTime", "body");
        for (MessageExt m : messages) {
            table.row(m.topic(), m.queueId(), m.queueOffset(), m.msgId(), m.tags(), keys(m.keys()),
                    Timestamps.format(m.storeTimestamp()), body(m.body()));
        }
        return table;
    }

    static Report detail(MessageExt m) {
        return new Report()
                .field("topic", m.topic())
                .field("queueId", m.queueId())
                .field("queueOffset", m.queueOffset())
                .field("msgId", m.msgId())
                .field("offsetMsgId", m.offsetMsgId())
                .field("tags", m.tags())
                .field("keys", keys(m.keys()))
                .field("bornHost", m.bornHost())
                .field("bornTime", Timestamps.format(m.bornTimestamp()))
                .field("storeTime", Timestamps.format(m.storeTimestamp()))
                .field("reconsumeTimes", m.reconsumeTimes())
                .field("commitLogOffset", m.commitLogOffset())
                .field("properties", properties(m.properties()))
                .field("bodySize", m.body().length)
                .field("body", body(m.body()));
    }

    /** Bodies are shown as UTF-8 text; bytes that are not UTF-8 show as U+FFFD. */
    static String body(byte[] body) {
        return new String(body, StandardCharsets.UTF_8);
    }

    private static String keys(List<String> keys) {
        return keys == null || keys.isEmpty() ? null : String.join(" ", keys);
    }

    private static String properties(Map<String, String> properties) {
        if (properties == null || properties.isEmpty()) {
            return null;
        }
        return properties.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(", "));
    }
}
