-- Business-key claims of consumers (tx-outbox idempotency.IdempotencyStore), one row per (consumer group, key).
-- status DONE: processed, later deliveries are duplicates. status PROCESSING: holder_token holds the key until
-- lease_until, after which another consumer may take it over. Times are UTC.
CREATE TABLE IF NOT EXISTS mq_idempotency (
    consumer_group VARCHAR(255) NOT NULL,
    idem_key       VARCHAR(255) NOT NULL,
    status         VARCHAR(16)  NOT NULL,
    holder_token   VARCHAR(64)  NULL,
    lease_until    DATETIME(3)  NULL,
    created_at     DATETIME(3)  NOT NULL,
    updated_at     DATETIME(3)  NOT NULL,
    PRIMARY KEY (consumer_group, idem_key),
    KEY idx_mq_idempotency_purge (status, updated_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
