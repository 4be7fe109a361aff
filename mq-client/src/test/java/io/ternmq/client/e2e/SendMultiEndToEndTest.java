package io.ternmq.client.e2e;

import io.ternmq.client.Message;
import io.ternmq.client.MessageQueue;
import io.ternmq.client.admin.AdminClient;
import io.ternmq.client.consumer.MessageExt;
import io.ternmq.client.consumer.PullConsumer;
import io.ternmq.client.producer.Producer;
import io.ternmq.client.producer.SendResult;
import io.ternmq.client.remoting.RemotingClient;
import io.ternmq.protocol.ErrorCode;
import io.ternmq.protocol.command.Commands;
import io.ternmq.protocol.command.SendMulti;
import io.ternmq.protocol.message.OutgoingMessage;
import io.ternmq.test.EmbeddedBroker;
import io.ternmq.test.EmbeddedMQ;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@EmbeddedMQ
class SendMultiEndToEndTest {
    private static OutgoingMessage message(String body) {
        return new OutgoingMessage(Map.of(), body.getBytes(StandardCharsets.UTF_8), 0, 0, 0);
    }

    @Test
    void eachEntryIsStoredOnItsOwnAndARefusedEntryFailsAlone(EmbeddedBroker broker) {
        String a = TestClients.unique("A");
        String b = TestClients.unique("B");
        try (AdminClient admin = AdminClient.create(broker.address())) {
            admin.createTopic(a, 1);
            admin.createTopic(b, 1);
        }
        try (RemotingClient client = new RemotingClient(TestClients.config(broker.address()))) {
            SendMulti.Response r = client.invoke(Commands.SEND_MULTI, new SendMulti.Request("pg", List.of(
                    new SendMulti.Entry(a, 0, List.of(message("a1"), message("a2"))),
                    new SendMulti.Entry(b, 7, List.of(message("no such queue"))),
                    new SendMulti.Entry(b, 0, List.of(message("b1")))))).join();

            assertEquals(3, r.results().size());
            assertTrue(r.results().get(0).ok());
            assertEquals(0, r.results().get(0).baseQueueOffset());
            assertEquals(2, r.results().get(0).messageIds().size());
            assertEquals(ErrorCode.QUEUE_NOT_EXIST, r.results().get(1).error());
            assertTrue(r.results().get(2).ok(), "the refused entry did not fail the one after it");
            assertEquals(0, r.results().get(2).baseQueueOffset());
        }
    }

    @Test
    void aProducerSendingToManySingleQueueTopicsKeepsEveryOrderedQueuesFifo(EmbeddedBroker broker) {
        int topics = 20;
        int perTopic = 50;
        List<String> names = new ArrayList<>();
        try (AdminClient admin = AdminClient.create(broker.address())) {
            for (int t = 0; t < topics; t++) {
                names.add(TestClients.unique("M"));
                admin.createTopic(names.get(t), 1);
            }
        }
        try (Producer producer = TestClients.producer(broker.address());
             PullConsumer consumer = PullConsumer.builder().clientConfig(TestClients.config(broker.address()))
                     .consumerGroup(TestClients.unique("g")).build()) {
            List<CompletableFuture<SendResult>> sent = new ArrayList<>();
            // no route is known yet: the first sends of every topic wait for it and must still keep their order
            for (int i = 0; i < perTopic; i++) {
                for (String topic : names) {
                    // orderly: one batch per queue in flight, so FIFO must hold wherever the batches travel
                    sent.add(producer.sendOrderlyAsync(Message.of(topic, topic + "-" + i), null,
                            (queues, m, arg) -> queues.get(0)));
                }
            }
            sent.forEach(CompletableFuture::join);
            consumer.start();
            for (String topic : names) {
                MessageQueue mq = new MessageQueue(topic, 0);
                // the store indexes appends asynchronously: wait until all are readable
                Eventually.await(() -> consumer.pull(mq, 0, 1000, Duration.ZERO).messages().size() == perTopic,
                        () -> perTopic + " readable in " + topic);
                List<MessageExt> got = consumer.pull(mq, 0, 1000, Duration.ZERO).messages();
                for (int i = 0; i < perTopic; i++) {
                    assertEquals(topic + "-" + i, got.get(i).bodyAsString(), "send order of " + topic);
                }
            }
        }
    }
}
