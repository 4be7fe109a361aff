package io.ternmq.protocol.command;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Every command of the native protocol, by code. The command table in docs/protocol.md is generated from here. */
public final class Commands {
    private static final Map<Integer, Command<?, ?>> BY_CODE = new LinkedHashMap<>();

    public static final Command<Hello.Request, Hello.Response> HELLO = client(1, "HELLO",
            "Negotiate the protocol version; first request on every connection.",
            Hello.Request::decode, Hello.Response::decode);
    public static final Command<Send.Request, Send.Response> SEND = client(10, "SEND",
            "Store one message or a batch in one queue.", Send.Request::decode, Send.Response::decode);
    public static final Command<SendMulti.Request, SendMulti.Response> SEND_MULTI = client(24, "SEND_MULTI",
            "Store messages for several queues (of any topics) in one request, each queue's entry as its own batch, "
                    + "with one result per entry (protocol version 2+).", SendMulti.Request::decode,
            SendMulti.Response::decode);
    public static final Command<Pull.Request, Pull.Response> PULL = client(11, "PULL",
            "Read a queue from an offset, long-polling up to maxWaitMs.", Pull.Request::decode, Pull.Response::decode);
    public static final Command<ConsumerOffsets.QueryRequest, OffsetResponse> QUERY_CONSUMER_OFFSET = client(12,
            "QUERY_CONSUMER_OFFSET", "A group's committed offset for a queue (QUERY_NOT_FOUND when none).",
            ConsumerOffsets.QueryRequest::decode, OffsetResponse::decode);
    public static final Command<ConsumerOffsets.CommitRequest, Empty> COMMIT_CONSUMER_OFFSET = client(13,
            "COMMIT_CONSUMER_OFFSET", "Commit a group's offsets for one or more queues (may be one-way).",
            ConsumerOffsets.CommitRequest::decode, Empty::decode);
    public static final Command<Heartbeat.Request, Empty> HEARTBEAT = client(14, "HEARTBEAT",
            "Register a client with its producer and consumer groups and subscriptions.",
            Heartbeat.Request::decode, Empty::decode);
    public static final Command<Heartbeat.Unregister, Empty> UNREGISTER_CLIENT = client(15, "UNREGISTER_CLIENT",
            "Remove a client from all its groups at shutdown.", Heartbeat.Unregister::decode, Empty::decode);
    public static final Command<ConsumerList.GroupRequest, ConsumerList.Response> GET_CONSUMER_LIST = client(16,
            "GET_CONSUMER_LIST", "Live members of a consumer group (for rebalance).",
            ConsumerList.GroupRequest::decode, ConsumerList.Response::decode);
    public static final Command<ConsumerList.GroupRequest, Empty> NOTIFY_CONSUMER_IDS_CHANGED = server(17,
            "NOTIFY_CONSUMER_IDS_CHANGED", "Tell members a group changed so they rebalance now (one-way).",
            ConsumerList.GroupRequest::decode, Empty::decode);
    public static final Command<QueryMessages.OffsetByTime, OffsetResponse> SEARCH_OFFSET = client(18,
            "SEARCH_OFFSET", "First queue offset stored at or after a timestamp.",
            QueryMessages.OffsetByTime::decode, OffsetResponse::decode);
    public static final Command<SendBack.Request, SendBack.Response> SEND_BACK = client(19, "SEND_BACK",
            "Hand back a message whose consumption failed: redelivered via %RETRY%group with back-off, or moved to "
                    + "%DLQ%group after maxReconsumeTimes.", SendBack.Request::decode, SendBack.Response::decode);
    public static final Command<Topics.Config, Empty> CREATE_TOPIC = client(20, "CREATE_TOPIC",
            "Create a topic or update its queue count and permissions.", Topics.Config::decode, Empty::decode);
    public static final Command<Topics.Name, Empty> DELETE_TOPIC = client(21, "DELETE_TOPIC",
            "Delete a topic, its queues and its consumer offsets.", Topics.Name::decode, Empty::decode);
    public static final Command<Empty, Topics.ListResponse> LIST_TOPICS = client(22, "LIST_TOPICS",
            "Names of all topics.", Empty::decode, Topics.ListResponse::decode);
    public static final Command<Topics.Name, Topics.Route> TOPIC_ROUTE = client(23, "TOPIC_ROUTE",
            "A topic's config, broker address and per-queue min/max offsets.", Topics.Name::decode,
            Topics.Route::decode);
    public static final Command<QueryMessages.ByKey, QueryMessages.Result> QUERY_MESSAGE_BY_KEY = client(30,
            "QUERY_MESSAGE_BY_KEY", "Messages of a topic with a business key, within a time range.",
            QueryMessages.ByKey::decode, QueryMessages.Result::decode);
    public static final Command<QueryMessages.ById, QueryMessages.Result> QUERY_MESSAGE_BY_ID = client(31,
            "QUERY_MESSAGE_BY_ID", "One message by broker message id or client UNIQ_KEY.",
            QueryMessages.ById::decode, QueryMessages.Result::decode);
    public static final Command<QueryMessages.ByTime, QueryMessages.Result> QUERY_MESSAGE_BY_TIME = client(32,
            "QUERY_MESSAGE_BY_TIME", "Messages of a topic stored within a time range.",
            QueryMessages.ByTime::decode, QueryMessages.Result::decode);
    public static final Command<DeadLetters.ResendRequest, DeadLetters.ResendResponse> RESEND_DLQ_MESSAGE = client(33,
            "RESEND_DLQ_MESSAGE", "Re-send a message of %DLQ%group to that group only (via %RETRY%group, count reset).",
            DeadLetters.ResendRequest::decode, DeadLetters.ResendResponse::decode);
    public static final Command<MessageTrace.Request, MessageTrace.Response> MESSAGE_TRACE = client(34,
            "MESSAGE_TRACE", "One message's trace: where it is stored, which groups consumed it, its retry/DLQ copies.",
            MessageTrace.Request::decode, MessageTrace.Response::decode);
    public static final Command<Progress.Request, Progress.Response> CONSUMER_PROGRESS = client(40,
            "CONSUMER_PROGRESS", "Per-queue broker offset, consumer offset and lag of a group (or all groups).",
            Progress.Request::decode, Progress.Response::decode);
    public static final Command<Empty, Progress.Groups> LIST_GROUPS = client(41, "LIST_GROUPS",
            "Consumer groups with their live clients and topics.", Empty::decode, Progress.Groups::decode);
    public static final Command<Empty, Progress.BrokerStatus> BROKER_STATUS = client(42, "BROKER_STATUS",
            "Broker runtime figures: version, uptime, offsets, disk, throughput.", Empty::decode,
            Progress.BrokerStatus::decode);
    public static final Command<SubscriptionGroups.Config, Empty> UPDATE_SUBSCRIPTION_GROUP = client(43,
            "UPDATE_SUBSCRIPTION_GROUP", "Create or update a consumer group's settings (consumeEnable, retryMaxTimes).",
            SubscriptionGroups.Config::decode, Empty::decode);

    public static final Command<Transactions.EndRequest, Transactions.EndResponse> END_TX = client(50, "END_TX",
            "Commit, roll back or report unknown for a half (transactional) message; may be one-way.",
            Transactions.EndRequest::decode, Transactions.EndResponse::decode);
    public static final Command<Transactions.CheckRequest, Transactions.CheckResponse> CHECK_TX = server(51,
            "CHECK_TX", "Transaction check-back: ask a live producer of the group for its local transaction's state.",
            Transactions.CheckRequest::decode, Transactions.CheckResponse::decode);
    public static final Command<Transactions.ListRequest, Transactions.ListResponse> LIST_TRANSACTIONS = client(52,
            "LIST_TRANSACTIONS", "Unresolved half messages (pending check-back or parked for an operator), oldest first.",
            Transactions.ListRequest::decode, Transactions.ListResponse::decode);
    public static final Command<QueueLocks.Request, QueueLocks.Locked> LOCK_QUEUES = client(60, "LOCK_QUEUES",
            "Orderly consumption: lock (or renew) queues for one client of a group; answers the ones it now holds.",
            QueueLocks.Request::decode, QueueLocks.Locked::decode);
    public static final Command<QueueLocks.Request, Empty> UNLOCK_QUEUES = client(61, "UNLOCK_QUEUES",
            "Release queue locks held by a client of a group.", QueueLocks.Request::decode, Empty::decode);

    private Commands() {
    }

    private static <Q extends Body, R extends Body> Command<Q, R> client(int code, String name, String purpose,
                                                                      BodyDecoder<Q> req, BodyDecoder<R> resp) {
        return register(new Command<>(code, name, false, purpose, req, resp));
    }

    private static <Q extends Body, R extends Body> Command<Q, R> server(int code, String name, String purpose,
                                                                      BodyDecoder<Q> req, BodyDecoder<R> resp) {
        return register(new Command<>(code, name, true, purpose, req, resp));
    }

    private static <Q extends Body, R extends Body> Command<Q, R> register(Command<Q, R> command) {
        if (BY_CODE.putIfAbsent(command.code(), command) != null) {
            throw new IllegalStateException("duplicate command code " + command.code());
        }
        return command;
    }

    /** The command with this code, or null when unknown. */
    public static Command<?, ?> forCode(int code) {
        return BY_CODE.get(code);
    }

    public static Collection<Command<?, ?>> all() {
        return Collections.unmodifiableCollection(BY_CODE.values());
    }
}
