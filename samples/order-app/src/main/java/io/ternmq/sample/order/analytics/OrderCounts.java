package io.ternmq.sample.order.analytics;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Orders per customer, counted by order id so that reading an event twice changes nothing: Kafka consumers get
 * records at least once, and {@link OrderAnalytics} re-reads its partitions from the beginning at every assignment.
 * Thread-safe.
 */
final class OrderCounts {
    private final Map<String, Map<String, BigDecimal>> created = new HashMap<>();
    private final Map<String, Map<String, BigDecimal>> cancelled = new HashMap<>();
    private long records;

    synchronized void created(String customer, String orderId, BigDecimal amount) {
        records++;
        created.computeIfAbsent(customer, c -> new HashMap<>()).put(orderId, amount);
    }

    synchronized void cancelled(String customer, String orderId, BigDecimal amount) {
        records++;
        cancelled.computeIfAbsent(customer, c -> new HashMap<>()).put(orderId, amount);
    }

    synchronized void other() {
        records++;
    }

    /** Records read so far, re-reads included. */
    synchronized long records() {
        return records;
    }

    synchronized List<CustomerStats> byCustomer() {
        return created.keySet().stream().sorted(Comparator.naturalOrder()).map(this::stats).toList();
    }

    private CustomerStats stats(String customer) {
        Map<String, BigDecimal> orders = created.get(customer);
        Map<String, BigDecimal> gone = cancelled.getOrDefault(customer, Map.of());
        BigDecimal amount = orders.entrySet().stream().filter(e -> !gone.containsKey(e.getKey()))
                .map(Map.Entry::getValue).reduce(BigDecimal.ZERO, BigDecimal::add);
        return new CustomerStats(customer, orders.size(), gone.size(), amount);
    }
}
