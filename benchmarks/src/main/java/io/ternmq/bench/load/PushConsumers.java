package io.ternmq.bench.load;

import io.ternmq.client.ClientConfig;
import io.ternmq.client.consumer.ConsumeFromWhere;
import io.ternmq.client.consumer.ConsumeStatus;
import io.ternmq.client.consumer.PushConsumer;

import java.util.ArrayList;
import java.util.List;

/**
 * The {@code --consumer-api push} path: {@code --consumers} {@link PushConsumer} members of one group,
 * subscribed to every benchmark topic, sharing the queues by the group's rebalancing, as an application would
 * consume. They start from the first offset: the topics belong to this run, and in e2e mode messages stamped
 * before the measured window are not counted anyway ({@link ReceiveRecorder}).
 */
final class PushConsumers implements AutoCloseable {
    private final List<PushConsumer> members = new ArrayList<>();

    PushConsumers(LoadOptions options, ClientConfig config, ReceiveRecorder recorder) {
        for (int i = 0; i < options.consumers; i++) {
            // each member needs its own client id, or the group would see one member and give it every queue twice
            ClientConfig memberConfig = config.toBuilder().clientId(null).build();
            PushConsumer.Builder builder = PushConsumer.builder().clientConfig(memberConfig)
                    .consumerGroup(options.group).consumeFromWhere(ConsumeFromWhere.FIRST_OFFSET);
            for (int t = 0; t < options.topics; t++) {
                builder.subscribe(options.topic(t), "*");
            }
            PushConsumer consumer = builder.build();
            consumer.registerListener((messages, context) -> {
                recorder.record(messages);
                return ConsumeStatus.CONSUME_SUCCESS;
            });
            members.add(consumer);
        }
    }

    void start() {
        members.forEach(PushConsumer::start);
    }

    @Override
    public void close() {
        members.forEach(PushConsumer::shutdown);
    }
}
