package io.ternmq.protocol.testing;

import io.ternmq.protocol.ErrorCode;
import io.ternmq.protocol.command.Body;
import io.ternmq.protocol.command.Command;
import io.ternmq.protocol.command.Commands;
import io.ternmq.protocol.command.ConsumerList;
import io.ternmq.protocol.command.ConsumerOffsets;
import io.ternmq.protocol.command.DeadLetters;
import io.ternmq.protocol.command.Empty;
import io.ternmq.protocol.command.Heartbeat;
import io.ternmq.protocol.command.Hello;
import io.ternmq.protocol.command.MessageTrace;
import io.ternmq.protocol.command.OffsetResponse;
import io.ternmq.protocol.command.Progress;
import io.ternmq.protocol.command.Pull;
import io.ternmq.protocol.command.QueryMessages;
import io.ternmq.protocol.command.QueueLocks;
import io.ternmq.protocol.command.Send;
import io.ternmq.protocol.command.SendMulti;
import io.ternmq.protocol.command.SendBack;
import io.ternmq.protocol.command.SubscriptionGroups;
import io.ternmq.protocol.command.Topics;
import io.ternmq.protocol.command.Transactions;
import io.ternmq.protocol.message.ExpressionType;
import io.ternmq.protocol.message.MessageModel;
import io.ternmq.protocol.message.MessageProperties;
import io.ternmq.protocol.message.MessageView;
import io.ternmq.protocol.message.OutgoingMessage;
import io.ternmq.protocol.message.Subscription;
import io.ternmq.protocol.message.TransactionResolution;
import io.ternmq.protocol.message.TransactionState;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One request and one response body for every command, shared by the round-trip tests and the fuzz seeds.
 * Every numeric field of a sample has a value distinct from its neighbours, so a decoder that reads two fields
 * of the same type in the wrong order fails the round trip instead of passing by coincidence.
 */
public final class BodySamples {
    /** A command with a request and a response body that its decoders must reproduce. */
    public record Sample(Command<?, ?> command, Body request, Body response) {
    }

    private static final Map<Command<?, ?>, Sample> SAMPLES = new LinkedHashMap<>();

    static {
        add(Commands.HELLO, new Hello.Request(1, 3, "client-7@10.0.0.9", "0.1.0"),
                new Hello.Response(1, "broker-a", "0.1.0-SNAPSHOT", 16 << 20, 4 << 20));
        add(Commands.SEND, new Send.Request("pg-orders", "orders", 3, List.of(message(), emptyMessage())),
                new Send.Response(3, 1_000L, 1_700_000_000_002L, List.of("AC11000100002A9F", "AC11000100002AA0")));
        add(Commands.SEND_MULTI, new SendMulti.Request("pg-orders", List.of(
                        new SendMulti.Entry("orders", 3, List.of(message())),
                        new SendMulti.Entry("invoices", 0, List.of(message(), emptyMessage())))),
                new SendMulti.Response(List.of(
                        SendMulti.EntryResult.ok(new Send.Response(3, 1_000L, 1_700_000_000_002L,
                                List.of("AC11000100002A9F"))),
                        SendMulti.EntryResult.failed(0, ErrorCode.TOPIC_NOT_EXIST, "topic invoices does not exist"))));
        add(Commands.PULL, new Pull.Request("cg-orders", "orders", 2, 42L, 32, 1 << 20, 15_000L,
                        new Subscription("orders", ExpressionType.SQL92, "amount > 5 AND region IN ('eu', 'üs')"), 40L),
                new Pull.Response(Pull.Status.FOUND, 44L, 7L, 100L, List.of(view(42L), view(43L))));
        add(Commands.QUERY_CONSUMER_OFFSET, new ConsumerOffsets.QueryRequest("cg-orders", "orders", 5),
                new OffsetResponse(77L));
        add(Commands.COMMIT_CONSUMER_OFFSET, new ConsumerOffsets.CommitRequest("cg-orders", List.of(
                        new ConsumerOffsets.QueueOffset("orders", 0, 10L),
                        new ConsumerOffsets.QueueOffset("audit", 1, 11L))),
                Empty.INSTANCE);
        add(Commands.HEARTBEAT, new Heartbeat.Request("client-7", List.of("pg-orders", "pg-audit"), List.of(
                        new Heartbeat.ConsumerGroup("cg-orders", MessageModel.BROADCASTING, Heartbeat.ConsumeType.PULL,
                                List.of(Subscription.all("orders"),
                                        new Subscription("audit", ExpressionType.TAG, "TagA || TagB"))),
                        new Heartbeat.ConsumerGroup("cg-empty", MessageModel.CLUSTERING, Heartbeat.ConsumeType.PUSH,
                                List.of()))),
                Empty.INSTANCE);
        add(Commands.UNREGISTER_CLIENT, new Heartbeat.Unregister("client-7"), Empty.INSTANCE);
        add(Commands.GET_CONSUMER_LIST, new ConsumerList.GroupRequest("cg-orders"),
                new ConsumerList.Response(List.of("client-1", "client-2")));
        add(Commands.NOTIFY_CONSUMER_IDS_CHANGED, new ConsumerList.GroupRequest("cg-orders"), Empty.INSTANCE);
        add(Commands.SEARCH_OFFSET, new QueryMessages.OffsetByTime("orders", 2, 1_700_000_000_003L),
                new OffsetResponse(5L));
        add(Commands.SEND_BACK, new SendBack.Request("cg-orders", "AC11000100002A9F", 0, -1),
                new SendBack.Response(SendBack.Outcome.DLQ, "%DLQ%cg-orders", "AC11000100002B00", 17));
        add(Commands.CREATE_TOPIC, new Topics.Config("orders", 8, Topics.PERM_READ_WRITE, true), Empty.INSTANCE);
        add(Commands.DELETE_TOPIC, new Topics.Name("orders"), Empty.INSTANCE);
        add(Commands.LIST_TOPICS, Empty.INSTANCE, new Topics.ListResponse(List.of("orders", "audit", "%RETRY%cg")));
        add(Commands.TOPIC_ROUTE, new Topics.Name("orders"), new Topics.Route(
                new Topics.Config("orders", 2, Topics.PERM_READ, false), "broker-a", "10.0.0.1:10911",
                List.of(new Topics.QueueStatus(0, 1L, 2L, 3L), new Topics.QueueStatus(1, 4L, 5L, 6L))));
        add(Commands.QUERY_MESSAGE_BY_KEY, new QueryMessages.ByKey("orders", "order-1001", 11L, 22L, 32),
                new QueryMessages.Result(List.of(view(42L))));
        add(Commands.QUERY_MESSAGE_BY_ID, new QueryMessages.ById("AC11000100002A9F"),
                new QueryMessages.Result(List.of(view(43L))));
        add(Commands.QUERY_MESSAGE_BY_TIME, new QueryMessages.ByTime("orders", 33L, 44L, 64),
                new QueryMessages.Result(List.of()));
        add(Commands.RESEND_DLQ_MESSAGE, new DeadLetters.ResendRequest("cg-orders", "AC11000100002B00"),
                new DeadLetters.ResendResponse("%RETRY%cg-orders", 0, "AC11000100002C00"));
        add(Commands.MESSAGE_TRACE, new MessageTrace.Request("uniq-42"), new MessageTrace.Response("uniq-42", List.of(
                        new MessageTrace.StoredCopy(MessageTrace.CopyKind.ORIGINAL, "orders", 2, 42L, "AC11000100002A9F",
                                1_700_000_000_011L, 0),
                        new MessageTrace.StoredCopy(MessageTrace.CopyKind.RETRY, "%RETRY%cg-orders", 0, 7L, null,
                                1_700_000_000_012L, 1)),
                List.of(new MessageTrace.GroupDelivery("cg-orders", "orders", 2, 42L, 43L,
                                MessageTrace.DeliveryState.CONSUMED, List.of("client-1", "client-2")),
                        new MessageTrace.GroupDelivery("cg-audit", "orders", 2, 42L, -1L,
                                MessageTrace.DeliveryState.NOT_STARTED, List.of()))));
        add(Commands.CONSUMER_PROGRESS, new Progress.Request(null), new Progress.Response(List.of(
                new Progress.QueueProgress("cg-orders", "orders", 0, 100L, 90L, 1_700_000_000_004L),
                new Progress.QueueProgress("cg-audit", "audit", 1, 50L, -1L, 1_700_000_000_005L))));
        add(Commands.LIST_GROUPS, Empty.INSTANCE, new Progress.Groups(List.of(
                new Progress.GroupInfo("cg-orders", MessageModel.CLUSTERING, List.of("client-1"), List.of("orders")),
                new Progress.GroupInfo("cg-audit", MessageModel.BROADCASTING, List.of(), List.of("audit", "x")))));
        add(Commands.UPDATE_SUBSCRIPTION_GROUP, new SubscriptionGroups.Config("cg-orders", true, 5), Empty.INSTANCE);
        add(Commands.BROKER_STATUS, Empty.INSTANCE, new Progress.BrokerStatus(orderedMap(
                "version", "0.1.0", "uptimeMs", "123456", "commitLogMaxOffset", "987654321")));
        add(Commands.LOCK_QUEUES, new QueueLocks.Request("cg-orders", "client-7", List.of(
                        new QueueLocks.QueueRef("orders", 3), new QueueLocks.QueueRef("audit", 4))),
                new QueueLocks.Locked(List.of(new QueueLocks.QueueRef("orders", 3))));
        add(Commands.UNLOCK_QUEUES, new QueueLocks.Request("cg-orders", "client-8", List.of(
                new QueueLocks.QueueRef("orders", 5))), Empty.INSTANCE);
        add(Commands.END_TX, new Transactions.EndRequest("pg-orders", "uniq-42", "AC11000100002A9F",
                        TransactionResolution.ROLLBACK, true),
                new Transactions.EndResponse(TransactionState.ROLLED_BACK));
        add(Commands.CHECK_TX, new Transactions.CheckRequest("pg-orders", "uniq-42", "AC11000100002A9F", 6, view(42L)),
                new Transactions.CheckResponse(TransactionResolution.UNKNOWN));
        add(Commands.LIST_TRANSACTIONS, new Transactions.ListRequest(null), new Transactions.ListResponse(List.of(
                new Transactions.HalfMessageInfo("uniq-42", "pg-orders", "orders", 3, "AC11000100002A9F",
                        1_700_000_000_013L, 15, TransactionState.PARKED),
                new Transactions.HalfMessageInfo(null, "pg-audit", "audit", 0, "AC11000100002B9F",
                        1_700_000_000_014L, 0, TransactionState.PENDING))));
    }

    private BodySamples() {
    }

    private static <Q extends Body, R extends Body> void add(Command<Q, R> command, Q request, R response) {
        SAMPLES.put(command, new Sample(command, request, response));
    }

    /** The sample for a command; fails with what to do when a new command has none yet. */
    public static Sample of(Command<?, ?> command) {
        Sample sample = SAMPLES.get(command);
        if (sample == null) {
            throw new AssertionError("no body sample for " + command + ": add one to " + BodySamples.class.getName());
        }
        return sample;
    }

    public static Map<Command<?, ?>, Sample> all() {
        return SAMPLES;
    }

    /** A message with every field set, non-ASCII properties and a body holding every byte value that matters. */
    public static OutgoingMessage message() {
        return new OutgoingMessage(orderedMap(MessageProperties.KEYS, "order-1001 order-1002",
                MessageProperties.TAGS, "TagA", "città", "naïve ✓"),
                new byte[]{0, 1, 2, (byte) 0x7f, (byte) 0x80, (byte) 0xff}, 1_700_000_000_001L, 7, 9);
    }

    private static OutgoingMessage emptyMessage() {
        return new OutgoingMessage(Map.of(), new byte[0], 1L, 0, 0);
    }

    public static MessageView view(long queueOffset) {
        return new MessageView("orders", 2, queueOffset, 4_096L + queueOffset, "AC1100010000" + queueOffset,
                1_700_000_000_010L, 1_700_000_000_009L, "10.0.0.9:50123", null, 3, 4, 5,
                orderedMap(MessageProperties.UNIQ_KEY, "uniq-" + queueOffset, MessageProperties.TAGS, "TagB"),
                new byte[]{(byte) queueOffset, 1, 2});
    }

    private static Map<String, String> orderedMap(String... keysAndValues) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
