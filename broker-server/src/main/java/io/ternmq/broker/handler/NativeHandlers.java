package io.ternmq.broker.handler;

import io.ternmq.broker.config.BrokerConfigKeys;
import io.ternmq.broker.core.BrokerCore;
import io.ternmq.broker.handler.admin.BrokerStatusHandler;
import io.ternmq.broker.handler.admin.ConsumerProgressHandler;
import io.ternmq.broker.handler.admin.CreateTopicHandler;
import io.ternmq.broker.handler.admin.DeleteTopicHandler;
import io.ternmq.broker.handler.admin.ListGroupsHandler;
import io.ternmq.broker.handler.admin.ListTopicsHandler;
import io.ternmq.broker.handler.admin.TopicRouteHandler;
import io.ternmq.broker.handler.admin.UpdateSubscriptionGroupHandler;
import io.ternmq.broker.handler.client.GetConsumerListHandler;
import io.ternmq.broker.handler.client.HeartbeatHandler;
import io.ternmq.broker.handler.client.UnregisterClientHandler;
import io.ternmq.broker.handler.hello.HelloHandler;
import io.ternmq.broker.handler.lock.LockQueuesHandler;
import io.ternmq.broker.handler.lock.UnlockQueuesHandler;
import io.ternmq.broker.handler.offset.CommitConsumerOffsetHandler;
import io.ternmq.broker.handler.offset.QueryConsumerOffsetHandler;
import io.ternmq.broker.handler.offset.SearchOffsetHandler;
import io.ternmq.broker.handler.pull.PullHandler;
import io.ternmq.broker.handler.retry.ResendDlqMessageHandler;
import io.ternmq.broker.handler.retry.SendBackHandler;
import io.ternmq.broker.handler.send.SendHandler;
import io.ternmq.broker.handler.send.SendMultiHandler;
import io.ternmq.broker.handler.tx.EndTxHandler;
import io.ternmq.broker.handler.tx.ListTransactionsHandler;
import io.ternmq.broker.handler.tx.TransactionalSendHandler;
import io.ternmq.broker.handler.query.QueryByIdHandler;
import io.ternmq.broker.handler.query.QueryByKeyHandler;
import io.ternmq.broker.handler.query.QueryByTimeHandler;
import io.ternmq.broker.handler.query.QueryLimits;
import io.ternmq.broker.lock.QueueLockTable;
import io.ternmq.broker.longpolling.PullRequestHoldService;
import io.ternmq.broker.delay.DelayLevels;
import io.ternmq.broker.retry.SendBackService;
import io.ternmq.broker.remoting.HandlerRegistry;
import io.ternmq.broker.store.MessageStore;
import io.ternmq.broker.trace.MessageTraceHandler;
import io.ternmq.broker.trace.MessageTraceService;
import io.ternmq.broker.tx.TransactionalMessageService;
import io.ternmq.protocol.command.Commands;

import java.util.function.IntSupplier;
import java.util.function.Supplier;

/** Builds the native protocol's handler table: the only place that knows which class serves which command. */
public final class NativeHandlers {
    /** Most messages in one query answer. */
    private static final int MAX_QUERY_RESULTS = 64;

    private NativeHandlers() {
    }

    /**
     * @param brokerAddress advertised {@code host:port} (known once the server is bound)
     * @param connections   open native connections
     * @param transactions  half messages and their resolution
     */
    public static HandlerRegistry create(BrokerCore core, PullRequestHoldService holds, Supplier<String> brokerAddress,
                                         IntSupplier connections, TransactionalMessageService transactions) {
        MessageStore store = core.messages().store();
        int maxFrame = core.config().get(BrokerConfigKeys.MAX_FRAME_SIZE);
        int maxMessage = core.config().get(BrokerConfigKeys.MAX_MESSAGE_SIZE);
        // a response carries at most half a frame of bodies plus one message, leaving room for headers
        int responseBodyBudget = Math.max(maxFrame / 2 - maxMessage, 64 * 1024);
        QueryLimits limits = new QueryLimits(MAX_QUERY_RESULTS, responseBodyBudget);
        SendBackService retries = new SendBackService(core.messages(), core.topics(), core.subscriptionGroups(),
                DelayLevels.parse(core.config().get(BrokerConfigKeys.MESSAGE_DELAY_LEVEL)));
        QueueLockTable locks = new QueueLockTable(core.clock(),
                core.config().get(BrokerConfigKeys.REBALANCE_LOCK_MAX_LIVE_TIME), core.consumerGroups()::isMember);
        SendHandler plainSend = new SendHandler(core.messages());
        TransactionalSendHandler send = new TransactionalSendHandler(plainSend, transactions);
        return new HandlerRegistry()
                .register(Commands.HELLO, new HelloHandler(core.config()))
                .register(Commands.SEND, send)
                .register(Commands.SEND_MULTI, new SendMultiHandler(send, plainSend,
                        TransactionalSendHandler::isPlain))
                .register(Commands.END_TX, new EndTxHandler(transactions))
                .register(Commands.LIST_TRANSACTIONS, new ListTransactionsHandler(transactions))
                .register(Commands.PULL, new PullHandler(core, holds,
                        core.config().get(BrokerConfigKeys.LONG_POLLING_MAX_WAIT_MS), responseBodyBudget))
                .register(Commands.QUERY_CONSUMER_OFFSET, new QueryConsumerOffsetHandler(core.offsets()))
                .register(Commands.COMMIT_CONSUMER_OFFSET,
                        new CommitConsumerOffsetHandler(core.offsets(), core.topics()))
                .register(Commands.HEARTBEAT, new HeartbeatHandler(core))
                .register(Commands.UNREGISTER_CLIENT, new UnregisterClientHandler(core.consumerGroups()))
                .register(Commands.GET_CONSUMER_LIST, new GetConsumerListHandler(core.consumerGroups()))
                .register(Commands.SEARCH_OFFSET, new SearchOffsetHandler(core))
                .register(Commands.SEND_BACK, new SendBackHandler(retries))
                .register(Commands.RESEND_DLQ_MESSAGE, new ResendDlqMessageHandler(retries))
                .register(Commands.CREATE_TOPIC, new CreateTopicHandler(core.topics()))
                .register(Commands.DELETE_TOPIC, new DeleteTopicHandler(core))
                .register(Commands.LIST_TOPICS, new ListTopicsHandler(core.topics()))
                .register(Commands.TOPIC_ROUTE, new TopicRouteHandler(core, brokerAddress))
                .register(Commands.QUERY_MESSAGE_BY_KEY, new QueryByKeyHandler(store, limits))
                .register(Commands.QUERY_MESSAGE_BY_ID, new QueryByIdHandler(store))
                .register(Commands.QUERY_MESSAGE_BY_TIME, new QueryByTimeHandler(store, limits))
                .register(Commands.MESSAGE_TRACE, new MessageTraceHandler(new MessageTraceService(core)))
                .register(Commands.LOCK_QUEUES, new LockQueuesHandler(locks))
                .register(Commands.UNLOCK_QUEUES, new UnlockQueuesHandler(locks))
                .register(Commands.CONSUMER_PROGRESS, new ConsumerProgressHandler(core))
                .register(Commands.LIST_GROUPS, new ListGroupsHandler(core))
                .register(Commands.UPDATE_SUBSCRIPTION_GROUP,
                        new UpdateSubscriptionGroupHandler(core.subscriptionGroups()))
                .register(Commands.BROKER_STATUS, new BrokerStatusHandler(core, connections, holds::heldCount));
    }
}
