package io.ternmq.client.e2e;

import io.ternmq.client.Message;
import io.ternmq.client.consumer.ConsumeFromWhere;
import io.ternmq.client.consumer.ConsumeStatus;
import io.ternmq.client.consumer.PushConsumer;
import io.ternmq.client.producer.Producer;
import io.ternmq.test.EmbeddedBroker;
import io.ternmq.test.EmbeddedMQ;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;

@EmbeddedMQ(config = "defaultTopicQueueNums=4")
class OffsetsAcrossBrokerRestartTest {

    @Test
    void aNewMemberContinuesFromCommittedOffsetsAfterABrokerRestart(EmbeddedBroker broker) {
        String topic = TestClients.unique("T");
        String group = TestClients.unique("g");
        Set<String> firstHalf = ConcurrentHashMap.newKeySet();
        List<String> secondHalf = new CopyOnWriteArrayList<>();
        try (Producer producer = TestClients.producer(broker.address())) {
            producer.send(Message.of(topic, "half1-0"));
            PushConsumer a = TestClients.consumer(broker.address(), group, topic).build();
            a.registerListener((msgs, ctx) -> {
                msgs.forEach(m -> firstHalf.add(m.bodyAsString()));
                return ConsumeStatus.CONSUME_SUCCESS;
            });
            a.start();
            for (int i = 1; i < 50; i++) {
                producer.send(Message.of(topic, "half1-" + i));
            }
            Eventually.await(() -> firstHalf.size() == 50, () -> "first half consumed: " + firstHalf.size());
            a.shutdown();

            broker.restart();

            // the producer reconnects by itself
            for (int i = 0; i < 50; i++) {
                producer.send(Message.of(topic, "half2-" + i));
            }
            // LAST_OFFSET would skip everything if the committed offsets were lost
            PushConsumer b = TestClients.consumer(broker.address(), group, topic)
                    .consumeFromWhere(ConsumeFromWhere.LAST_OFFSET).build();
            b.registerListener((msgs, ctx) -> {
                msgs.forEach(m -> secondHalf.add(m.bodyAsString()));
                return ConsumeStatus.CONSUME_SUCCESS;
            });
            b.start();
            try {
                Eventually.await(() -> secondHalf.size() >= 50, () -> "second half consumed: " + secondHalf.size());
            } finally {
                b.shutdown();
            }
        }
        assertEquals(50, Set.copyOf(secondHalf).size());
        assertEquals(50, secondHalf.size(), "nothing of the first half again: " + secondHalf);
        secondHalf.forEach(s -> assertEquals(true, s.startsWith("half2-"), s));
    }

    @Test
    void aRunningConsumerReconnectsAndKeepsConsumingAfterABrokerRestart(EmbeddedBroker broker) {
        String topic = TestClients.unique("T");
        Set<String> received = ConcurrentHashMap.newKeySet();
        try (Producer producer = TestClients.producer(broker.address())) {
            producer.send(Message.of(topic, "before"));
            PushConsumer c = TestClients.consumer(broker.address(), TestClients.unique("g"), topic).build();
            c.registerListener((msgs, ctx) -> {
                msgs.forEach(m -> received.add(m.bodyAsString()));
                return ConsumeStatus.CONSUME_SUCCESS;
            });
            c.start();
            try {
                Eventually.await(() -> received.contains("before"), () -> "first message");
                broker.restart();
                for (int i = 0; i < 20; i++) {
                    producer.send(Message.of(topic, "after" + i));
                }
                Eventually.await(() -> received.size() == 21, () -> "all after restart, got " + received.size());
            } finally {
                c.shutdown();
            }
        }
    }
}
