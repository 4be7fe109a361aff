package io.ternmq.sample.order.inventory;

/**
 * The inventory has no record of the ordered sku. The listener fails, so the message is retried and, after
 * {@code order-app.inventory.max-retries}, parked in {@code %DLQ%inventory}: add the sku, then re-send it.
 */
public class UnknownSkuException extends RuntimeException {
    public UnknownSkuException(String orderId, String sku) {
        super("order " + orderId + ": no stock record for sku '" + sku + "'; add it with PUT /stock/" + sku
                + ", then re-send the dead letter (mqadmin resendDlq -g inventory -i <offsetMsgId>)");
    }
}
