package io.ternmq.sample.order.orders;

import java.math.BigDecimal;

/**
 * The body of {@code POST /orders}.
 *
 * @param payLater true: the customer pays later ({@code POST /orders/{id}/pay}); an order still unpaid after
 *                 {@code order-app.payment-timeout} is cancelled. false (default): paid at checkout.
 */
public record NewOrder(String customer, String sku, Integer quantity, BigDecimal amount, Boolean payLater) {

    /** @throws InvalidOrderException naming the first field that is missing or out of range */
    void validate() {
        require(customer != null && !customer.isBlank() && customer.length() <= 64,
                "customer is required (at most 64 characters)");
        require(sku != null && !sku.isBlank() && sku.length() <= 64, "sku is required (at most 64 characters)");
        require(quantity != null && quantity > 0, "quantity must be a positive number, was " + quantity);
        require(amount != null && amount.signum() > 0 && amount.scale() <= 2 && amount.precision() <= 12,
                "amount must be positive with at most 2 decimals, was " + amount);
    }

    boolean isPayLater() {
        return Boolean.TRUE.equals(payLater);
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new InvalidOrderException(message);
        }
    }
}
