package io.ternmq.cli;

import io.ternmq.cli.output.Report;
import io.ternmq.client.Message;
import io.ternmq.client.producer.SendResult;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code sendMessage}: sends one test message and prints where it was stored. With a delay option the message is
 * stored at once (same output) but consumers see it only when due; {@code delivery} says when.
 */
@Command(name = "sendMessage", description = "Send one message and print the send result.")
final class SendMessageCommand extends BrokerCommand {

    @Option(names = {"-t", "--topic"}, required = true, description = "Topic name.")
    String topic;

    @Option(names = {"-p", "--body"}, required = true, description = "Message body (UTF-8 text).")
    String body;

    @Option(names = {"-k", "--keys"}, description = "Business keys, separated by spaces or commas (indexed).")
    String keys;

    @Option(names = {"-c", "--tags"}, description = "Tag, for tag filters.")
    String tags;

    @Option(names = {"-P", "--property"}, paramLabel = "name=value", description = "User property (repeatable).")
    Map<String, String> properties = new LinkedHashMap<>();

    @Option(names = {"-s", "--sharding-key"}, description = "Hash key: messages with the same key go to one queue.")
    String shardingKey;

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    DeliveryOptions delivery;

    @Override
    protected Report run(BrokerSession session) {
        Message.Builder builder = Message.builder().topic(topic).body(body).tags(tags).keys(splitKeys(keys));
        properties.forEach(builder::property);
        if (delivery != null) {
            delivery.applyTo(builder);
        }
        Message message = builder.build();
        SendResult result = shardingKey == null
                ? session.producer().send(message)
                : session.producer().send(message, shardingKey);
        return new Report()
                .field("status", result.status().name())
                .field("topic", result.messageQueue().topic())
                .field("queueId", result.messageQueue().queueId())
                .field("queueOffset", result.queueOffset())
                .field("msgId", result.msgId())
                .field("offsetMsgId", result.offsetMsgId())
                .field("delivery", message.delivery().toString());
    }

    static List<String> splitKeys(String keys) {
        if (keys == null || keys.isBlank()) {
            return List.of();
        }
        return Arrays.stream(keys.trim().split("[,\\s]+")).filter(k -> !k.isEmpty()).toList();
    }
}
