package io.ternmq.outbox.idempotency;

import java.time.LocalDateTime;

/**
 * A row of {@code mq_idempotency} as {@link IdempotencyMapper#find} reads it.
 *
 * @param status      PROCESSING or DONE
 * @param holderToken the token of the claim that holds (or completed) the key; null for rows claimed in a transaction
 * @param leaseUntil  when a PROCESSING claim expires (UTC); null for DONE rows
 */
public record IdempotencyRow(String status, String holderToken, LocalDateTime leaseUntil) {
}
