package io.ternmq.spring.idempotency.crash;

/** The event the producers send and the consumer processes record: {@code orderId} is the business key. */
public record OrderPlaced(String orderId, int amount) {

    /** The message body, as a producer in another language would write it. */
    String json() {
        return "{\"orderId\":\"" + orderId + "\",\"amount\":" + amount + "}";
    }
}
