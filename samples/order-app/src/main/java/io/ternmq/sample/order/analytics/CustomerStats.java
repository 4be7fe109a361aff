package io.ternmq.sample.order.analytics;

import java.math.BigDecimal;

/**
 * One customer's figures as the analytics consumer counted them.
 *
 * @param orders    orders created
 * @param cancelled orders cancelled
 * @param amount    total amount of created orders that were not cancelled
 */
public record CustomerStats(String customer, int orders, int cancelled, BigDecimal amount) {
}
