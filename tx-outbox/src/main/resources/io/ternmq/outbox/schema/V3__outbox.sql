-- Outbox rows written in the application's transaction and sent by the relay after it committed
-- (tx-outbox relay.OutboxWriter / relay.OutboxRelay).
--   msg_keys       the message's keys separated by single spaces (keys contain no whitespace)
--   hash_key       ordering key, or NULL: rows of one key are sent one at a time in id order
--   properties     user properties as a JSON object of strings
--   delay_level    broker delay level, 0 for none
--   deliver_at_ms  delivery time in epoch milliseconds, or NULL (a relative delay is fixed when the row is written)
--   status         PENDING (to send), SENT (acknowledged by the broker), FAILED (gave up after max attempts)
-- Times are UTC.
CREATE TABLE IF NOT EXISTS mq_outbox (
    id              BIGINT        NOT NULL AUTO_INCREMENT,
    topic           VARCHAR(127)  NOT NULL,
    tags            VARCHAR(255)  NULL,
    msg_keys        VARCHAR(1024) NULL,
    hash_key        VARCHAR(255)  NULL,
    properties      TEXT          NULL,
    body            LONGBLOB      NOT NULL,
    delay_level     INT           NOT NULL DEFAULT 0,
    deliver_at_ms   BIGINT        NULL,
    status          VARCHAR(16)   NOT NULL,
    attempts        INT           NOT NULL DEFAULT 0,
    next_attempt_at DATETIME(3)   NOT NULL,
    last_error      VARCHAR(1024) NULL,
    msg_id          VARCHAR(128)  NULL,
    created_at      DATETIME(3)   NOT NULL,
    sent_at         DATETIME(3)   NULL,
    PRIMARY KEY (id),
    KEY idx_mq_outbox_status_id (status, id),
    KEY idx_mq_outbox_hash_key (hash_key, status, id),
    KEY idx_mq_outbox_sent_at (sent_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
