package io.ternmq.outbox.relay;

/**
 * A row of {@code mq_outbox} as the relay reads it ({@link OutboxMapper#lockDue}).
 *
 * @param id          the row id; rows of one hash key are sent in id order
 * @param topic       the message's topic
 * @param tags        the message's tag, or null
 * @param msgKeys     the message's keys separated by single spaces, or null
 * @param hashKey     the ordering key, or null
 * @param properties  user properties as a JSON object of strings, or null
 * @param body        the body
 * @param delayLevel  broker delay level, 0 for none
 * @param deliverAtMs delivery time in epoch milliseconds, or null
 * @param attempts    failed send attempts so far
 */
public record OutboxRow(long id, String topic, String tags, String msgKeys, String hashKey, String properties,
                        byte[] body, int delayLevel, Long deliverAtMs, int attempts) {
}
