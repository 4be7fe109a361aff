package io.ternmq.outbox.idempotency;

/**
 * A claim on a business key outside a local transaction ({@link IdempotencyStore#claim}).
 *
 * @param status what the claim found
 * @param group  the consumer group the key belongs to
 * @param key    the business key
 * @param token  identifies this holder, so only it can complete or release the claim
 */
public record Claim(ClaimStatus status, String group, String key, String token) {
}
