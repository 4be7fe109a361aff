package io.ternmq.client.admin;

import io.ternmq.client.ClientConfig;
import io.ternmq.client.MessageQueue;
import io.ternmq.client.consumer.MessageExt;
import io.ternmq.client.internal.Blocking;
import io.ternmq.client.remoting.RemotingClient;
import io.ternmq.protocol.command.Body;
import io.ternmq.protocol.command.Command;
import io.ternmq.protocol.command.Commands;
import io.ternmq.protocol.command.MessageTrace;
import io.ternmq.protocol.command.ConsumerList;
import io.ternmq.protocol.command.Empty;
import io.ternmq.protocol.command.Progress;
import io.ternmq.protocol.command.QueryMessages;
import io.ternmq.protocol.command.SubscriptionGroups;
import io.ternmq.protocol.command.Topics;
import io.ternmq.protocol.command.DeadLetters;
import io.ternmq.protocol.command.Transactions;
import io.ternmq.protocol.message.TransactionResolution;
import io.ternmq.protocol.message.TransactionState;
import io.ternmq.protocol.ErrorCode;
import io.ternmq.protocol.message.MessageProperties;
import io.ternmq.client.MQBrokerException;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Operator view of a broker: topics, messages, groups and their lag. Every call is synchronous and throws
 * {@link io.ternmq.client.MQClientException} on failure ({@link io.ternmq.client.MQBrokerException} with the error
 * code when the broker refused).
 *
 * <pre>{@code
 * try (AdminClient admin = AdminClient.create("127.0.0.1:9876")) {
 *     admin.createTopic("OrderTopic", 8, Topics.PERM_READ_WRITE, false);
 *     admin.consumerProgress("order-service").forEach(System.out::println);
 * }
 * }</pre>
 *
 * Thread-safe.
 */
public final class AdminClient implements AutoCloseable {
    private final RemotingClient remoting;

    private AdminClient(ClientConfig config) {
        this.remoting = new RemotingClient(config);
    }

    public static AdminClient create(ClientConfig config) {
        return new AdminClient(config);
    }

    public static AdminClient create(String brokerAddress) {
        return create(ClientConfig.of(brokerAddress));
    }

    /** Creates a topic, or updates the queue count and permission of an existing one. */
    public void createTopic(String topic, int queueNums, int perm, boolean order) {
        call(Commands.CREATE_TOPIC, new Topics.Config(topic, queueNums, perm, order));
    }

    /** Creates (or updates) a readable and writable, unordered topic. */
    public void createTopic(String topic, int queueNums) {
        createTopic(topic, queueNums, Topics.PERM_READ_WRITE, false);
    }

    public void deleteTopic(String topic) {
        call(Commands.DELETE_TOPIC, new Topics.Name(topic));
    }

    public List<String> listTopics() {
        return call(Commands.LIST_TOPICS, Empty.INSTANCE).topics();
    }

    /** The topic's config and per-queue offsets; throws with TOPIC_NOT_EXIST when unknown. */
    public TopicRouteInfo topicRoute(String topic) {
        Topics.Route r = call(Commands.TOPIC_ROUTE, new Topics.Name(topic));
        List<QueueStatus> queues = r.queues().stream().map(q -> new QueueStatus(topic, q.queueId(), q.minOffset(),
                q.maxOffset(), q.lastStoreTimestamp())).toList();
        return new TopicRouteInfo(r.config().topic(), r.config().queueNums(), r.config().perm(), r.config().order(),
                r.brokerName(), r.brokerAddress(), queues);
    }

    public List<MessageExt> queryMessageByKey(String topic, String key, Instant begin, Instant end, int max) {
        return messages(call(Commands.QUERY_MESSAGE_BY_KEY, new QueryMessages.ByKey(topic, key, begin.toEpochMilli(),
                end.toEpochMilli(), max)));
    }

    /** By broker message id or client UNIQ_KEY; empty when not found. */
    public List<MessageExt> queryMessageById(String messageId) {
        try {
            return messages(call(Commands.QUERY_MESSAGE_BY_ID, new QueryMessages.ById(messageId)));
        } catch (io.ternmq.client.MQBrokerException e) {
            if (e.errorCode() == io.ternmq.protocol.ErrorCode.QUERY_NOT_FOUND) {
                return List.of();
            }
            throw e;
        }
    }

    /**
     * The trace of one message by broker id or UNIQ_KEY: where it is stored, which groups consumed it or still have
     * it pending, and its retry / dead-letter copies.
     *
     * @throws io.ternmq.client.MQBrokerException QUERY_NOT_FOUND when no such message is stored
     */
    public MessageTraceInfo messageTrace(String messageId) {
        return MessageTraceInfo.of(call(Commands.MESSAGE_TRACE, new MessageTrace.Request(messageId)));
    }

    public List<MessageExt> queryMessageByTime(String topic, Instant begin, Instant end, int max) {
        return messages(call(Commands.QUERY_MESSAGE_BY_TIME, new QueryMessages.ByTime(topic, begin.toEpochMilli(),
                end.toEpochMilli(), max)));
    }

    /** The first offset of a queue stored at or after the time. */
    public long searchOffset(String topic, int queueId, Instant timestamp) {
        return call(Commands.SEARCH_OFFSET, new QueryMessages.OffsetByTime(topic, queueId, timestamp.toEpochMilli()))
                .offset();
    }

    /** Per-queue progress of one group, or of every group when {@code group} is null. */
    public List<ConsumerProgress> consumerProgress(String group) {
        return call(Commands.CONSUMER_PROGRESS, new Progress.Request(group)).queues().stream()
                .map(q -> new ConsumerProgress(q.group(), q.topic(), q.queueId(), q.brokerOffset(),
                        q.consumerOffset(), q.lastTimestamp())).toList();
    }

    public List<GroupInfo> listGroups() {
        return call(Commands.LIST_GROUPS, Empty.INSTANCE).groups().stream()
                .map(g -> new GroupInfo(g.group(), g.model(), g.clientIds(), g.topics())).toList();
    }

    /** Client ids of a group's live members. */
    public List<String> consumerList(String group) {
        return call(Commands.GET_CONSUMER_LIST, new ConsumerList.GroupRequest(group)).clientIds();
    }

    /** Named runtime figures of the broker (version, uptime, offsets, disk, throughput). */
    public Map<String, String> brokerStatus() {
        return call(Commands.BROKER_STATUS, Empty.INSTANCE).stats();
    }

    /**
     * Messages of the group's dead-letter queue ({@code %DLQ%group}) stored within the time range, oldest first;
     * empty when the group has none. Each carries {@code DLQ_ORIGIN_TOPIC}, {@code DLQ_ORIGIN_MESSAGE_ID} and its
     * {@code reconsumeTimes}. The broker caps one answer (64 messages by default): page by time.
     */
    public List<MessageExt> listDlqMessages(String group, Instant begin, Instant end, int max) {
        try {
            return queryMessageByTime(MessageProperties.DLQ_TOPIC_PREFIX + group, begin, end, max);
        } catch (MQBrokerException e) {
            if (e.errorCode() == ErrorCode.QUERY_NOT_FOUND || e.errorCode() == ErrorCode.TOPIC_NOT_EXIST) {
                return List.of();
            }
            throw e;
        }
    }

    /** The oldest dead letters of the group, up to {@code max}. */
    public List<MessageExt> listDlqMessages(String group, int max) {
        return listDlqMessages(group, Instant.EPOCH, Instant.now().plusSeconds(86_400), max);
    }

    /** Dead letters of the group with a business key. */
    public List<MessageExt> queryDlqMessageByKey(String group, String key, int max) {
        return queryMessageByKey(MessageProperties.DLQ_TOPIC_PREFIX + group, key, Instant.EPOCH,
                Instant.now().plusSeconds(86_400), max);
    }

    /**
     * Re-sends a dead letter ({@link MessageExt#offsetMsgId()} of a message of {@code %DLQ%group}) to that group
     * only: the broker puts a copy in {@code %RETRY%group} with the reconsume count reset, which the group's
     * consumers receive at once with the original topic. Every call re-sends once more.
     *
     * @return the broker id of the re-sent copy
     */
    public String resendDlqMessage(String group, String messageId) {
        return call(Commands.RESEND_DLQ_MESSAGE, new DeadLetters.ResendRequest(group, messageId)).messageId();
    }

    /**
     * Creates or replaces a consumer group's settings on the broker: whether it may consume, and
     * {@code retryMaxTimes}, the retries before a failed message goes to {@code %DLQ%group} (used when the
     * consumer leaves {@code maxReconsumeTimes} at -1; 16 by default).
     */
    public void updateSubscriptionGroup(String group, boolean consumeEnable, int retryMaxTimes) {
        call(Commands.UPDATE_SUBSCRIPTION_GROUP, new SubscriptionGroups.Config(group, consumeEnable, retryMaxTimes));
    }

    /**
     * Half messages the broker still waits on (pending check-backs and parked ones), oldest first.
     *
     * @param producerGroup only this producer group's; null for every group
     */
    public List<TransactionInfo> listTransactions(String producerGroup) {
        return call(Commands.LIST_TRANSACTIONS, new Transactions.ListRequest(producerGroup)).transactions().stream()
                .map(t -> new TransactionInfo(t.transactionId(), t.producerGroup(), t.realTopic(), t.realQueueId(),
                        t.halfMessageId(), t.storeTimestamp(), t.checkTimes(), t.state())).toList();
    }

    /**
     * Commits or rolls back a half message on behalf of its producer, typically a parked one nobody answered for.
     * Idempotent: repeating the same resolution answers the same state and stores nothing. The broker refuses
     * (MQBrokerException) a wrong producer group, an unknown half message id, or the opposite of an earlier
     * resolution.
     *
     * @param transactionId the producer's transaction id (informational; may be null)
     * @param resolution    {@code COMMIT} or {@code ROLLBACK}
     * @return the half message's state afterwards ({@code COMMITTED} or {@code ROLLED_BACK})
     */
    public TransactionState resolveTransaction(String producerGroup, String transactionId, String halfMessageId,
                                               TransactionResolution resolution) {
        if (resolution == TransactionResolution.UNKNOWN) {
            throw new IllegalArgumentException("resolve a transaction with COMMIT or ROLLBACK");
        }
        // fromCheck = true: the protocol's flag for answers that do not come from the producer's own send path
        return call(Commands.END_TX, new Transactions.EndRequest(producerGroup, transactionId, halfMessageId,
                resolution, true)).state();
    }

    /** The queues of a topic, sorted. */
    public List<MessageQueue> queues(String topic) {
        return topicRoute(topic).queues().stream().map(q -> new MessageQueue(topic, q.queueId())).sorted().toList();
    }

    private <Q extends Body, R extends Body> R call(Command<Q, R> command, Q request) {
        return Blocking.await(remoting.invoke(command, request));
    }

    private static List<MessageExt> messages(QueryMessages.Result result) {
        return result.messages().stream().map(MessageExt::of).toList();
    }

    @Override
    public void close() {
        remoting.close();
    }
}
