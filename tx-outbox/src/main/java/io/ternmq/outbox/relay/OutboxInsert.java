package io.ternmq.outbox.relay;

import java.time.LocalDateTime;

/**
 * The values of a new {@code mq_outbox} row ({@link OutboxMapper#insert}); MyBatis writes the generated id back
 * through {@link #setId}. Column meanings are those of {@link OutboxRow}.
 */
public final class OutboxInsert {
    private Long id;
    private final String topic;
    private final String tags;
    private final String msgKeys;
    private final String hashKey;
    private final String properties;
    private final byte[] body;
    private final int delayLevel;
    private final Long deliverAtMs;
    private final LocalDateTime createdAt;

    public OutboxInsert(String topic, String tags, String msgKeys, String hashKey, String properties, byte[] body,
                        int delayLevel, Long deliverAtMs, LocalDateTime createdAt) {
        this.topic = topic;
        this.tags = tags;
        this.msgKeys = msgKeys;
        this.hashKey = hashKey;
        this.properties = properties;
        this.body = body;
        this.delayLevel = delayLevel;
        this.deliverAtMs = deliverAtMs;
        this.createdAt = createdAt;
    }

    /** The generated row id, after the insert. */
    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public String getTopic() {
        return topic;
    }

    public String getTags() {
        return tags;
    }

    public String getMsgKeys() {
        return msgKeys;
    }

    public String getHashKey() {
        return hashKey;
    }

    public String getProperties() {
        return properties;
    }

    public byte[] getBody() {
        return body;
    }

    public int getDelayLevel() {
        return delayLevel;
    }

    public Long getDeliverAtMs() {
        return deliverAtMs;
    }

    /** When the row was written; also its first due time. */
    public LocalDateTime getCreatedAt() {
        return createdAt;
    }
}
