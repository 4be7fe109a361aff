package io.ternmq.sample.order;

import io.ternmq.client.admin.AdminClient;
import io.ternmq.client.consumer.MessageExt;
import io.ternmq.sample.order.messaging.OrderEvent;
import io.ternmq.sample.order.messaging.OrderEventType;
import io.ternmq.sample.order.orders.Order;
import io.ternmq.sample.order.orders.OrderMapper;
import io.ternmq.spring.core.MQTemplate;
import io.ternmq.spring.core.SendOptions;
import io.ternmq.test.EmbeddedBroker;
import io.ternmq.test.EmbeddedMQ;
import io.ternmq.test.db.EmbeddedMySql;
import io.ternmq.test.db.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.MissingNode;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The sample end to end: the application as it runs (web server on a random port, real HTTP), against a real broker
 * with its Kafka listener and a real MariaDB, driven through its REST API. Every test places its own orders, with
 * its own customer and sku, and checks the outcome in the database, on the broker and through the API.
 */
@EmbeddedMQ(config = {"kafkaEnable=true", "kafkaGroupInitialRebalanceDelayMs=0",
        // retries come back after 1 s instead of 10 s, 30 s, ...
        "messageDelayLevel=1s 1s 1s 1s 1s 1s 1s 1s 1s 1s"})
@EmbeddedMySql
@SpringBootTest(classes = OrderApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext // close the application with the class, before the broker stops
class OrderAppEndToEndTest {
    static final Duration PAYMENT_TIMEOUT = Duration.ofSeconds(4);

    static EmbeddedBroker broker;
    static TestDatabase db;
    static AdminClient admin;
    @TempDir
    static Path offsets;

    @BeforeAll
    static void keep(EmbeddedBroker b, TestDatabase d) {
        broker = b;
        db = d;
        admin = AdminClient.create(b.address());
    }

    @AfterAll
    static void closeAdmin() {
        admin.close();
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("mq.broker-address", () -> broker.address());
        registry.add("order-app.analytics.bootstrap-servers", () -> broker.kafkaAddress());
        registry.add("spring.datasource.url", () -> db.jdbcUrl());
        registry.add("spring.datasource.username", () -> db.user());
        registry.add("spring.datasource.password", () -> db.password());
        registry.add("mq.consumer.offset-store-dir", () -> offsets.toString());
        registry.add("order-app.payment-timeout", () -> PAYMENT_TIMEOUT.toSeconds() + "s");
    }

    @Value("${local.server.port}")
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MQTemplate mq;
    @Autowired
    OrderMapper orders;

    AppClient app;
    String customer;
    String sku;

    @BeforeEach
    void client(TestInfo test) {
        app = new AppClient(port);
        // names of this test only, so that what other tests left in flight does not count here
        String name = test.getTestMethod().orElseThrow().getName();
        String tag = name.substring(0, Math.min(name.length(), 40)) + "-" + Integer.toHexString(name.hashCode());
        customer = "cust-" + tag;
        sku = "sku-" + tag;
    }

    @Test
    void aPaidOrderGoesThroughReservationStepsNotificationsAndAnalytics() {
        app.put("/stock/" + sku, "{\"available\": 10}").ok();

        JsonNode created = app.createOrder(customer, sku, 2, "40.00", false);
        String id = created.path("id").asString();
        assertEquals("CREATED", created.path("status").asString());

        Await.until("order " + id + " completed", () -> app.status(id), "COMPLETED"::equals);
        JsonNode view = app.order(id);
        assertEquals("RESERVED", view.path("reservation").path("status").asString());
        assertEquals(List.of("CREATE", "PAY", "PUSH", "COMPLETE"), steps(view));

        // the database
        Map<String, Object> row = jdbc.queryForMap("SELECT status, paid_at FROM orders WHERE id = ?", id);
        assertEquals("COMPLETED", row.get("status"));
        assertNotNull(row.get("paid_at"));
        assertEquals(Map.of("available", 8, "reserved", 2), stock(sku));
        // one business key per listener and step, all processed (the payment listener marks its key DONE when it
        // returns, which may be a moment after the last step it sent was consumed)
        List<String> expectedKeys = List.of("fulfilment " + id + ":COMPLETE DONE", "fulfilment " + id + ":CREATE DONE",
                "fulfilment " + id + ":PAY DONE", "fulfilment " + id + ":PUSH DONE", "inventory " + id + " DONE",
                "payment " + id + ":RESERVED DONE");
        Await.until("idempotency keys of " + id, () -> jdbc.queryForList(
                "SELECT CONCAT(consumer_group, ' ', idem_key, ' ', status) FROM mq_idempotency "
                        + "WHERE idem_key LIKE ? ORDER BY 1", String.class, id + "%"), expectedKeys::equals);

        // the broker: the order's events, found by their key
        List<String> tags = admin.queryMessageByKey("orders", id, Instant.EPOCH,
                Instant.now().plusSeconds(60), 16).stream().map(MessageExt::tags).sorted().toList();
        assertEquals(List.of("created", "reserved"), tags);

        // broadcast notifications on this instance
        Await.until("notifications of " + id, () -> notified(app, id),
                events -> events.containsAll(List.of("CREATED", "RESERVED")));

        // the Kafka consumer saw the same events through the Kafka port
        JsonNode stats = Await.until("analytics for " + customer, () -> customerStats(customer),
                s -> s.path("orders").asInt() == 1);
        assertEquals(0, stats.path("cancelled").asInt());
        assertEquals(0, stats.path("amount").decimalValue().compareTo(new BigDecimal("40.00")));

        // actuator: the starter's health indicator and meters
        JsonNode health = app.get("/actuator/health").ok();
        assertEquals("UP", health.path("status").asString(), health.toString());
        JsonNode mqHealth = health.path("components").path("mq");
        assertEquals("UP", mqHealth.path("status").asString(), mqHealth.toString());
        assertEquals("running", mqHealth.path("details").path("listeners").path("inventory").asString());
        assertTrue(app.counter("mq.messages.consumed", "group:inventory") >= 1);
        assertTrue(app.counter("mq.messages.sent", "topic:order-steps") >= 4);
    }

    @Test
    void stepsOfOrdersPlacedTogetherAreRecordedInOrderPerOrder() {
        app.put("/stock/" + sku, "{\"available\": 1000}").ok();
        List<CompletableFuture<AppClient.Reply>> replies = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            replies.add(app.postAsync("/orders", AppClient.orderJson(customer, sku, 1, "10.00", false)));
        }
        List<String> ids = replies.stream().map(f -> f.join().ok().path("id").asString()).toList();

        Set<Integer> queues = new HashSet<>();
        for (String id : ids) {
            Await.until("order " + id + " completed", () -> app.status(id), "COMPLETED"::equals);
            List<Map<String, Object>> rows = jdbc.queryForList(
                    "SELECT step, queue_id, queue_offset FROM order_steps WHERE order_id = ? ORDER BY id", id);
            assertEquals(List.of("CREATE", "PAY", "PUSH", "COMPLETE"), rows.stream().map(r -> r.get("step")).toList(),
                    "steps of " + id + " in the order they were consumed");
            // one queue per order (the hash key), at increasing offsets
            assertEquals(1, rows.stream().map(r -> r.get("queue_id")).distinct().count(), rows.toString());
            List<Long> offsets = rows.stream().map(r -> ((Number) r.get("queue_offset")).longValue()).toList();
            assertEquals(offsets.stream().sorted().toList(), offsets);
            queues.add(((Number) rows.get(0).get("queue_id")).intValue());
        }
        // and orders were spread over several queues, so they were processed in parallel
        assertTrue(queues.size() > 1, "queues used: " + queues);
        assertEquals(Map.of("available", 984, "reserved", 16), stock(sku));
    }

    @Test
    void aDuplicatedOrderCreatedChangesNothing() {
        app.put("/stock/" + sku, "{\"available\": 10}").ok();
        String id = app.createOrder(customer, sku, 3, "30.00", false).path("id").asString();
        Await.until("order " + id + " completed", () -> app.status(id), "COMPLETED"::equals);
        // the payment listener writes its history line after sending the steps
        List<String> historyBefore = Await.until("history of " + id + " complete", () -> history(app.order(id)),
                h -> h.contains("payment captured; steps published in order to order-steps"));
        double duplicatesBefore = app.counter("mq.messages.duplicates", "group:inventory");

        // the same OrderCreated again, twice, as a producer retry or a redelivery would bring it
        Order order = orders.findById(id);
        for (int i = 0; i < 2; i++) {
            mq.send(OrderEventType.CREATED.destination(), OrderEvent.of(OrderEventType.CREATED, order),
                    SendOptions.builder().keys(id).build());
        }

        Await.until("two duplicates skipped by the inventory listener",
                () -> app.counter("mq.messages.duplicates", "group:inventory"), n -> n >= duplicatesBefore + 2);
        assertEquals(Map.of("available", 7, "reserved", 3), stock(sku));
        assertEquals(1, count("SELECT COUNT(*) FROM stock_reservations WHERE order_id = ?", id));
        assertEquals(historyBefore, history(app.order(id)));
        assertEquals(4, count("SELECT COUNT(*) FROM order_steps WHERE order_id = ?", id));
        assertTrue(admin.queryDlqMessageByKey("inventory", id, 4).isEmpty());
    }

    @Test
    void anOrderRejectedAfterItsInsertRollsBackTheRowAndTheMessage() {
        app.put("/stock/" + sku, "{\"available\": 10}").ok();
        AppClient.Reply rejected = app.post("/orders", AppClient.orderJson(customer, sku, 1, "9999.99", false));
        assertEquals(422, rejected.status(), rejected.toString());
        String rejectedId = rejected.body().path("orderId").asString();
        assertTrue(rejected.body().path("detail").asString().contains("credit limit"), rejected.toString());

        assertEquals(0, count("SELECT COUNT(*) FROM orders WHERE id = ?", rejectedId));
        assertEquals(0, count("SELECT COUNT(*) FROM order_history WHERE order_id = ?", rejectedId));

        // a later order of the same customer goes through: its OrderCreated was delivered, the rejected one never is
        String accepted = app.createOrder(customer, sku, 1, "25.00", false).path("id").asString();
        Await.until("order " + accepted + " completed", () -> app.status(accepted), "COMPLETED"::equals);
        assertTrue(admin.queryMessageByKey("orders", rejectedId, Instant.EPOCH,
                Instant.now().plusSeconds(60), 4).isEmpty());
        // the broker was told to drop the half message: nothing stays pending for a check-back
        Await.until("no pending half messages of order-app-tx", () -> admin.listTransactions("order-app-tx"),
                List::isEmpty);
        JsonNode stats = Await.until("analytics for " + customer, () -> customerStats(customer),
                s -> s.path("orders").asInt() == 1);
        assertEquals(0, stats.path("amount").decimalValue().compareTo(new BigDecimal("25.00")));
        assertEquals(Map.of("available", 9, "reserved", 1), stock(sku));
    }

    @Test
    void anUnpaidOrderIsCancelledByItsDelayedPaymentDeadline() {
        app.put("/stock/" + sku, "{\"available\": 10}").ok();
        String id = app.createOrder(customer, sku, 3, "45.00", true).path("id").asString();

        Await.until("order " + id + " reserved", () -> app.status(id), "RESERVED"::equals);
        assertEquals(Map.of("available", 7, "reserved", 3), stock(sku));
        Await.until("order " + id + " cancelled", () -> app.status(id), "CANCELLED"::equals);

        JsonNode view = app.order(id);
        assertEquals("RELEASED", view.path("reservation").path("status").asString());
        assertEquals(Map.of("available", 10, "reserved", 0), stock(sku));
        assertTrue(steps(view).isEmpty(), "a cancelled order has no steps: " + view);
        assertTrue(history(view).contains("cancelled: not paid within " + PAYMENT_TIMEOUT.toSeconds() + "s"),
                view.toString());
        // the deadline was sent when the stock was reserved and delivered no earlier than the timeout later
        Timestamp due = jdbc.queryForObject("SELECT created_at FROM order_history WHERE order_id = ? "
                + "AND entry LIKE 'awaiting payment%'", Timestamp.class, id);
        Timestamp cancelled = jdbc.queryForObject("SELECT created_at FROM order_history WHERE order_id = ? "
                + "AND entry LIKE 'cancelled%'", Timestamp.class, id);
        assertTrue(cancelled.getTime() - due.getTime() >= PAYMENT_TIMEOUT.toMillis() - 1000,
                "deadline " + due + ", cancelled " + cancelled);

        AppClient.Reply tooLate = app.post("/orders/" + id + "/pay", "");
        assertEquals(409, tooLate.status());
        assertEquals("CANCELLED", tooLate.body().path("orderStatus").asString(), tooLate.toString());
        Await.until("cancellation notified", () -> notified(app, id), events -> events.contains("CANCELLED"));
        JsonNode stats = Await.until("analytics counts the cancellation", () -> customerStats(customer),
                s -> s.path("cancelled").asInt() == 1);
        assertEquals(1, stats.path("orders").asInt());
        assertEquals(0, stats.path("amount").decimalValue().signum());
    }

    @Test
    void aPayLaterOrderPaidInTimeIsNotCancelled() {
        app.put("/stock/" + sku, "{\"available\": 10}").ok();
        String id = app.createOrder(customer, sku, 2, "20.00", true).path("id").asString();
        Await.until("order " + id + " reserved", () -> app.status(id), "RESERVED"::equals);

        JsonNode paid = app.post("/orders/" + id + "/pay", "").ok();
        assertFalse(paid.path("paidAt").isMissingNode(), paid.toString());
        Await.until("order " + id + " completed", () -> app.status(id), "COMPLETED"::equals);
        Await.until("the payment deadline of " + id + " handled", () -> history(app.order(id)),
                h -> h.contains("payment deadline passed: nothing to do, order is paid"));

        JsonNode view = app.order(id);
        assertEquals("COMPLETED", view.path("order").path("status").asString());
        assertEquals(List.of("CREATE", "PAY", "PUSH", "COMPLETE"), steps(view));
        assertEquals(Map.of("available", 8, "reserved", 2), stock(sku));
        assertEquals(409, app.post("/orders/" + id + "/pay", "").status(), "paying twice");
    }

    @Test
    void aPoisonOrderEndsInTheDeadLetterQueueAndGoesThroughOnceResent() {
        String unknownSku = sku; // no PUT /stock: the inventory does not know it
        String id = app.createOrder(customer, unknownSku, 2, "15.00", false).path("id").asString();

        List<MessageExt> dead = Await.until("order " + id + " in %DLQ%inventory",
                () -> admin.queryDlqMessageByKey("inventory", id, 4), list -> !list.isEmpty());
        assertEquals(1, dead.size());
        // it got there through the broker's retries (delayed copies in the group's retry topic)
        assertFalse(admin.queryMessageByKey("%RETRY%inventory", id, Instant.EPOCH, Instant.now().plusSeconds(60), 8)
                .isEmpty(), "retried through %RETRY%inventory");
        assertEquals("CREATED", app.status(id));
        assertTrue(app.order(id).path("reservation").isMissingNode(), "no reservation");

        // fix the cause, then re-send the dead letter (what `mqadmin resendDlq -g inventory -i ...` does)
        app.put("/stock/" + unknownSku, "{\"available\": 5}").ok();
        admin.resendDlqMessage("inventory", dead.get(0).offsetMsgId());

        Await.until("order " + id + " completed after the re-send", () -> app.status(id), "COMPLETED"::equals);
        assertEquals(Map.of("available", 3, "reserved", 2), stock(unknownSku));
    }

    @Test
    void anOrderBeyondTheStockIsMarkedOutOfStock() {
        app.put("/stock/" + sku, "{\"available\": 1}").ok();
        String id = app.createOrder(customer, sku, 5, "50.00", false).path("id").asString();

        Await.until("order " + id + " out of stock", () -> app.status(id), "OUT_OF_STOCK"::equals);
        assertEquals(Map.of("available", 1, "reserved", 0), stock(sku));
        assertEquals(0, count("SELECT COUNT(*) FROM stock_reservations WHERE order_id = ?", id));
        Await.until("out-of-stock notified", () -> notified(app, id), events -> events.contains("OUT_OF_STOCK"));
    }

    @Test
    void badRequestsAreAnsweredWithProblemDetails() {
        AppClient.Reply noQuantity = app.post("/orders",
                "{\"customer\": \"x\", \"sku\": \"book\", \"amount\": 1.00}");
        assertEquals(400, noQuantity.status());
        assertTrue(noQuantity.body().path("detail").asString().contains("quantity"), noQuantity.toString());
        assertEquals(404, app.get("/orders/ord-000000000000").status());
        assertEquals(404, app.post("/orders/ord-000000000000/pay", "").status());
    }

    @Test
    void notificationsAreBroadcastToEveryInstance() {
        app.put("/stock/" + sku, "{\"available\": 10}").ok();
        // a second instance of the application: same database and broker, its own name and web port
        try (ConfigurableApplicationContext second = new SpringApplicationBuilder(OrderApplication.class).run(
                "--server.port=0",
                "--mq.broker-address=" + broker.address(),
                "--spring.datasource.url=" + db.jdbcUrl(),
                "--spring.datasource.username=" + db.user(),
                "--spring.datasource.password=" + db.password(),
                "--mq.consumer.offset-store-dir=" + offsets,
                "--mq.consumer.instance-name=order-app-2",
                "--order-app.analytics.enabled=false")) {
            AppClient other = new AppClient(Integer.parseInt(second.getEnvironment().getProperty("local.server.port")));

            String id = app.createOrder(customer, sku, 1, "10.00", false).path("id").asString();

            // clustering listeners share the work between the instances; the broadcasting one runs on both
            Await.until("order " + id + " completed", () -> app.status(id), "COMPLETED"::equals);
            Await.until("instance 1 notified", () -> notified(app, id),
                    events -> events.containsAll(List.of("CREATED", "RESERVED")));
            Await.until("instance 2 notified", () -> notified(other, id),
                    events -> events.containsAll(List.of("CREATED", "RESERVED")));
            assertEquals("order-app-2", other.get("/notifications").ok().path("instance").asString());
        }
    }

    private static List<String> steps(JsonNode view) {
        List<String> steps = new ArrayList<>();
        view.path("steps").forEach(s -> steps.add(s.path("step").asString()));
        return steps;
    }

    private static List<String> history(JsonNode view) {
        List<String> entries = new ArrayList<>();
        view.path("history").forEach(h -> entries.add(h.path("entry").asString()));
        return entries;
    }

    /** Event types in an instance's notification feed for one order. */
    private static List<String> notified(AppClient instance, String orderId) {
        List<String> events = new ArrayList<>();
        instance.get("/notifications").ok().path("notifications").forEach(n -> {
            if (n.path("orderId").asString().equals(orderId)) {
                events.add(n.path("event").asString());
            }
        });
        return events;
    }

    /** This customer's figures from GET /analytics, or a missing node while the Kafka consumer has not seen any. */
    private JsonNode customerStats(String name) {
        for (JsonNode c : app.get("/analytics").ok().path("customers")) {
            if (c.path("customer").asString().equals(name)) {
                return c;
            }
        }
        return MissingNode.getInstance();
    }

    private Map<String, Integer> stock(String sku) {
        return jdbc.queryForObject("SELECT available, reserved FROM stock WHERE sku = ?",
                (rs, n) -> Map.of("available", rs.getInt(1), "reserved", rs.getInt(2)), sku);
    }

    private int count(String sql, Object... args) {
        return jdbc.queryForObject(sql, Integer.class, args);
    }
}
