package io.ternmq.broker.handler;

import io.ternmq.broker.Broker;
import io.ternmq.broker.client.ConsumerGroupRegistry;
import io.ternmq.broker.config.BrokerConfig;
import io.ternmq.broker.core.BrokerCore;
import io.ternmq.broker.delay.DelayLevels;
import io.ternmq.broker.delay.ScheduleRouter;
import io.ternmq.broker.group.SubscriptionGroupRegistry;
import io.ternmq.broker.longpolling.MessageArrivals;
import io.ternmq.broker.longpolling.PullRequestHoldService;
import io.ternmq.broker.message.MessageService;
import io.ternmq.broker.offset.ConsumerOffsetStore;
import io.ternmq.broker.remoting.HandlerRegistry;
import io.ternmq.broker.stats.BrokerStats;
import io.ternmq.broker.store.MessageStore;
import io.ternmq.broker.store.MessageStores;
import io.ternmq.broker.store.StoreConfig;
import io.ternmq.broker.topic.TopicRegistry;
import io.ternmq.broker.tx.TransactionSettings;
import io.ternmq.broker.tx.TransactionalMessageService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class NativeHandlersTest {
    @TempDir
    Path dir;

    @Test
    void everyClientCommandOfTheProtocolHasAHandler() {
        try (MessageStore store = MessageStores.open(StoreConfig.defaults(dir).withSegmentSize(1 << 20));
             PullRequestHoldService holds = new PullRequestHoldService(10, 1, store::maxOffset)) {
            TopicRegistry topics = new TopicRegistry(dir, true, 4);
            BrokerStats stats = new BrokerStats(0);
            BrokerCore core = new BrokerCore(BrokerConfig.defaults(), Clock.systemUTC(),
                    new MessageService(store, topics, stats, 1024,
                            new ScheduleRouter(DelayLevels.parse(DelayLevels.DEFAULT), 60, Clock.systemUTC())), topics, new ConsumerOffsetStore(dir),
                    new ConsumerGroupRegistry(Clock.systemUTC()), new SubscriptionGroupRegistry(dir, true), stats,
                    "127.0.0.1", new MessageArrivals());
            TransactionalMessageService transactions = new TransactionalMessageService(core.messages(), topics,
                    Clock.systemUTC(), TransactionSettings.of(BrokerConfig.defaults()));
            HandlerRegistry registry = NativeHandlers.create(core, holds, () -> "127.0.0.1:1", () -> 0,
                    transactions);
            assertEquals(List.of(), registry.missing());
        }
    }

    /** Referenced so the test fails to compile if the lifecycle entry point moves. */
    @SuppressWarnings("unused")
    private static final Class<?> ENTRY = Broker.class;
}
