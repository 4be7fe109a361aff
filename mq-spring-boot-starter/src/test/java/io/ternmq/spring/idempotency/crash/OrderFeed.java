package io.ternmq.spring.idempotency.crash;

import io.ternmq.client.Message;
import io.ternmq.client.producer.Producer;
import io.ternmq.client.producer.SendResult;
import io.ternmq.client.producer.SendStatus;
import io.ternmq.spring.testing.TestTopics;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The producer side of {@link IdempotentConsumerCrashTest}: a thread that sends new orders, one every {@code pace},
 * until it is told to {@link #finish}, so that orders keep coming while consumer processes are killed and no
 * consumer ever runs out of work. A fifth of the orders is sent twice, as two separate messages (a producer that
 * retried after a lost acknowledgement, or an upstream that emitted the event twice), the copy 1 to 40 messages
 * after the first, so that it sometimes arrives while the first is still being processed and sometimes long after.
 */
final class OrderFeed implements AutoCloseable {
    /** One order in this many is sent twice. */
    private static final int COPY_EVERY = 5;
    private static final int MAX_COPY_DISTANCE = 40;

    private final Random random;
    private final Duration pace;
    private final Set<String> orderIds = new TreeSet<>();
    private final AtomicInteger sent = new AtomicInteger();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private final Thread thread;
    private volatile int finishAfterOrders = Integer.MAX_VALUE;

    /** A copy to send once {@code sent} reaches {@code at}. */
    private record Copy(OrderPlaced order, int at) {
    }

    private OrderFeed(String address, String topic, Duration pace, long seed) {
        this.random = new Random(seed);
        this.pace = pace;
        this.thread = new Thread(() -> run(address, topic), "order-feed");
        thread.setDaemon(true);
    }

    /** Starts sending to {@code topic}; {@code seed} decides amounts, copies and where the copies go. */
    static OrderFeed start(String address, String topic, Duration pace, long seed) {
        OrderFeed feed = new OrderFeed(address, topic, pace, seed);
        feed.thread.start();
        return feed;
    }

    private void run(String address, String topic) {
        try (Producer producer = Producer.builder().brokerAddress(address).producerGroup(TestTopics.unique("feed"))
                .build()) {
            producer.start();
            List<Copy> due = new ArrayList<>();
            while (orderIds.size() < finishAfterOrders) {
                OrderPlaced order = takeDue(due, false);
                if (order == null) {
                    order = new OrderPlaced(String.format("order-%05d", orderIds.size()), 1 + random.nextInt(500));
                    orderIds.add(order.orderId());
                    if (random.nextInt(COPY_EVERY) == 0) {
                        due.add(new Copy(order, sent.get() + 1 + random.nextInt(MAX_COPY_DISTANCE)));
                    }
                }
                send(producer, topic, order);
                TimeUnit.MILLISECONDS.sleep(pace.toMillis()); // spreads the orders over the kill cycles
            }
            for (OrderPlaced copy = takeDue(due, true); copy != null; copy = takeDue(due, true)) {
                send(producer, topic, copy);
            }
        } catch (Throwable t) {
            failure.set(t);
        }
    }

    /** Removes and returns a copy whose time has come (any copy when {@code all}), or null. */
    private OrderPlaced takeDue(List<Copy> due, boolean all) {
        for (Iterator<Copy> it = due.iterator(); it.hasNext(); ) {
            Copy copy = it.next();
            if (all || copy.at() <= sent.get()) {
                it.remove();
                return copy.order();
            }
        }
        return null;
    }

    private void send(Producer producer, String topic, OrderPlaced order) {
        SendResult result = producer.send(Message.builder().topic(topic).keys(order.orderId()).body(order.json())
                .build());
        if (result.status() != SendStatus.SEND_OK) {
            throw new IllegalStateException("sending " + order + " gave " + result);
        }
        sent.incrementAndGet();
    }

    /**
     * Sends no new order once at least {@code minOrders} were sent, sends the copies still due, and waits until all
     * is sent.
     *
     * @throws AssertionError when a send failed or it took over {@code timeout}
     */
    void finish(int minOrders, Duration timeout) throws InterruptedException {
        finishAfterOrders = minOrders;
        thread.join(timeout.toMillis());
        if (failure.get() != null) {
            throw new AssertionError("the order feed failed after " + sent() + " messages", failure.get());
        }
        if (thread.isAlive()) {
            throw new AssertionError("the order feed did not finish in " + timeout + " (sent " + sent() + ")");
        }
    }

    /** Every order id sent (each at least once); complete after {@link #finish}. */
    Set<String> orderIds() {
        return orderIds;
    }

    /** Messages acknowledged by the broker: orders plus copies. */
    int sent() {
        return sent.get();
    }

    /** Stops sending at once (a test that failed early). */
    @Override
    public void close() {
        thread.interrupt();
    }
}
