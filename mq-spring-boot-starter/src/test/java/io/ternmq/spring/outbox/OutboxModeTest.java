package io.ternmq.spring.outbox;

import io.ternmq.spring.transaction.TransactionalSender;
import io.ternmq.spring.txtest.Orders;
import io.ternmq.spring.txtest.OrdersConfiguration;
import io.ternmq.spring.txtest.TopicMessages;
import io.ternmq.spring.txtest.TxContexts;
import io.ternmq.test.EmbeddedBroker;
import io.ternmq.test.EmbeddedMQ;
import io.ternmq.test.db.EmbeddedMySql;
import io.ternmq.test.db.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.ternmq.spring.txtest.Eventually.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** {@code mq.transaction.mode=outbox} against a real broker and MariaDB: rows written in the transaction, relayed after commit. */
@EmbeddedMySql
@EmbeddedMQ(config = "defaultTopicQueueNums=1")
class OutboxModeTest {
    private final String address;
    private final String topic = "orders-" + UUID.randomUUID();
    private final ApplicationContextRunner runner;

    OutboxModeTest(TestDatabase db, EmbeddedBroker broker) {
        Orders.createTable(db);
        this.address = broker.address();
        this.runner = TxContexts.runner(db, address).withUserConfiguration(OrdersConfiguration.class)
                .withPropertyValues("mq.transaction.mode=outbox", "mq.outbox.poll-interval=50ms");
    }

    @Test
    void committedMessagesAreRelayedAndRolledBackOnesNever() {
        runner.run(context -> {
            Orders orders = context.getBean(Orders.class);
            assertNull(orders.place(topic, "o-1", false), "nothing is sent inside the transaction");
            assertThrows(IllegalStateException.class, () -> orders.place(topic, "o-declined", true));
            orders.place(topic, "o-2", false);
            await("both committed orders relayed", Duration.ofSeconds(20),
                    () -> TopicMessages.keyCounts(address, topic).keySet().containsAll(List.of("o-1", "o-2")));
            assertEquals(Map.of("o-1", 1, "o-2", 1), TopicMessages.keyCounts(address, topic));
        });
    }

    @Test
    void messagesWithOneHashKeyArriveInTransactionOrder() {
        runner.run(context -> {
            TransactionalSender sender = context.getBean(TransactionalSender.class);
            TransactionTemplate transactions = context.getBean(TransactionTemplate.class);
            List<String> sent = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                String key = "step-" + i;
                transactions.executeWithoutResult(s -> sender.sendInTransaction(Orders.event(topic, key), "customer-7"));
                sent.add(key);
            }
            await("all relayed", Duration.ofSeconds(20),
                    () -> TopicMessages.readAll(address, topic).size() >= sent.size());
            assertEquals(sent, TopicMessages.readAll(address, topic).stream().map(m -> m.keys().get(0)).toList());
        });
    }

    @Test
    void sendingOutsideATransactionIsRefused() {
        runner.run(context -> assertThrows(IllegalTransactionStateException.class,
                () -> context.getBean(Orders.class).placeWithoutTransaction(topic, "o-loose")));
    }
}
