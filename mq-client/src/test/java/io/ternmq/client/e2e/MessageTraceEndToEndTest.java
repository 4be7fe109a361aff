package io.ternmq.client.e2e;

import io.ternmq.client.MQBrokerException;
import io.ternmq.client.Message;
import io.ternmq.client.admin.AdminClient;
import io.ternmq.client.admin.MessageTraceInfo;
import io.ternmq.client.admin.MessageTraceInfo.CopyKind;
import io.ternmq.client.admin.MessageTraceInfo.DeliveryState;
import io.ternmq.client.consumer.ConsumeStatus;
import io.ternmq.client.consumer.PushConsumer;
import io.ternmq.client.internal.Blocking;
import io.ternmq.client.producer.Producer;
import io.ternmq.client.producer.SendResult;
import io.ternmq.client.remoting.RemotingClient;
import io.ternmq.protocol.ErrorCode;
import io.ternmq.protocol.command.Commands;
import io.ternmq.protocol.command.Send;
import io.ternmq.protocol.message.MessageProperties;
import io.ternmq.protocol.message.OutgoingMessage;
import io.ternmq.test.EmbeddedBroker;
import io.ternmq.test.EmbeddedMQ;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** MESSAGE_TRACE through AdminClient: stored where, consumed or pending per group, retry copies. */
// short delay levels: retry copies appear after a second
@EmbeddedMQ(config = "messageDelayLevel=1s 1s 1s 1s 1s 1s 1s 1s")
class MessageTraceEndToEndTest {

    @Test
    void traceShowsWhereAMessageIsStoredAndWhichGroupsConsumedIt(EmbeddedBroker broker) {
        String address = broker.address();
        String topic = TestClients.unique("Orders");
        String done = TestClients.unique("gDone");
        String failing = TestClients.unique("gFailing");
        try (AdminClient admin = AdminClient.create(address);
             Producer producer = TestClients.producer(address);
             PushConsumer consumes = TestClients.consumer(address, done, topic).build();
             PushConsumer fails = TestClients.consumer(address, failing, topic).build()) {
            admin.createTopic(topic, 2);
            consumes.registerListener((msgs, ctx) -> ConsumeStatus.CONSUME_SUCCESS);
            fails.registerListener((msgs, ctx) -> ConsumeStatus.RECONSUME_LATER);
            consumes.start();
            fails.start();
            SendResult sent = producer.send(Message.builder().topic(topic).body("order-1 create")
                    .keys(List.of("order-1")).build());

            Eventually.await(() -> trace(admin, sent.msgId()).originalStateFor(done)
                            .equals(Optional.of(DeliveryState.CONSUMED)),
                    () -> "consumed by " + done + ": " + admin.messageTrace(sent.msgId()));
            MessageTraceInfo trace = admin.messageTrace(sent.offsetMsgId());
            assertEquals(sent.msgId(), trace.uniqueId(), "found by broker id, named by UNIQ_KEY");
            MessageTraceInfo.StoredCopy original = trace.copies().get(0);
            assertEquals(CopyKind.ORIGINAL, original.kind());
            assertEquals(topic, original.topic());
            assertEquals(sent.messageQueue().queueId(), original.queueId());
            assertEquals(sent.queueOffset(), original.queueOffset());
            assertTrue(original.storeTimestamp() > 0);
            // a failing clustering group hands the message back to the broker: the original counts as consumed
            // for it, and a copy turns up in its retry topic
            Eventually.await(() -> admin.messageTrace(sent.msgId()).copies().stream()
                            .anyMatch(c -> c.kind() == CopyKind.RETRY && c.topic().equals("%RETRY%" + failing)),
                    () -> "retry copy for " + failing + ": " + admin.messageTrace(sent.msgId()));
            MessageTraceInfo.GroupDelivery consumed = admin.messageTrace(sent.msgId()).deliveries().stream()
                    .filter(d -> d.group().equals(done)).findFirst().orElseThrow();
            assertEquals(List.of(consumes.clientId()), consumed.onlineClients());
            assertTrue(consumed.consumerOffset() > sent.queueOffset());
        }
    }

    @Test
    void traceListsRetryCopiesThatKeepTheMessagesUniqKey(EmbeddedBroker broker) {
        String address = broker.address();
        String topic = TestClients.unique("Orders");
        String group = TestClients.unique("g");
        try (AdminClient admin = AdminClient.create(address);
             Producer producer = TestClients.producer(address);
             PushConsumer consumer = TestClients.consumer(address, group, topic).build();
             RemotingClient raw = new RemotingClient(TestClients.config(address))) {
            consumer.registerListener((msgs, ctx) -> ConsumeStatus.RECONSUME_LATER);
            consumer.start();
            SendResult sent = producer.send(Message.of(topic, "order-2 pay"));
            // what the broker's SEND_BACK stores: a copy in %RETRY%group with the same UNIQ_KEY and its origin
            OutgoingMessage copy = new OutgoingMessage(Map.of(MessageProperties.UNIQ_KEY, sent.msgId(),
                    "ORIGIN_MESSAGE_ID", sent.offsetMsgId(), "RETRY_TOPIC", topic),
                    "order-2 pay".getBytes(StandardCharsets.UTF_8), System.currentTimeMillis(), 0, 0);
            Blocking.await(raw.invoke(Commands.SEND, new Send.Request("pg", "%RETRY%" + group, 0, List.of(copy))));

            Eventually.await(() -> trace(admin, sent.msgId()).copies().size() == 2,
                    () -> "retry copy listed: " + admin.messageTrace(sent.msgId()));
            MessageTraceInfo trace = admin.messageTrace(sent.msgId());
            assertEquals(CopyKind.RETRY, trace.copies().get(1).kind());
            assertEquals("%RETRY%" + group, trace.copies().get(1).topic());
            assertTrue(trace.deliveries().stream().anyMatch(d -> d.group().equals(group)
                    && d.topic().equals("%RETRY%" + group)), "the retry copy's delivery to its group: " + trace);
            String retryCopyId = trace.copies().get(1).messageId();
            // the running consumer moves delivery states (offset commits, its own retries) between two queries, so
            // the two ids are compared on queries with nothing in between that changed the trace
            Eventually.await(() -> trace(admin, sent.msgId()).equals(trace(admin, retryCopyId)),
                    () -> "a copy's id leads to the same trace: " + admin.messageTrace(retryCopyId));
        }
    }

    /** The trace, or an empty one while the message is not indexed yet (the index is written just after the send). */
    private static MessageTraceInfo trace(AdminClient admin, String id) {
        try {
            return admin.messageTrace(id);
        } catch (MQBrokerException e) {
            return new MessageTraceInfo(id, List.of(), List.of());
        }
    }

    @Test
    void anUnknownMessageIdIsNotFound(EmbeddedBroker broker) {
        try (AdminClient admin = AdminClient.create(broker.address())) {
            MQBrokerException e = assertThrows(MQBrokerException.class, () -> admin.messageTrace("no-such-id"));
            assertEquals(ErrorCode.QUERY_NOT_FOUND, e.errorCode());
        }
    }
}
