-- Transaction log of half messages whose local transaction committed (tx-outbox txlog.TransactionLog).
-- A row is written in the application's own transaction; a broker check-back answers COMMIT when it exists.
-- Times are UTC.
CREATE TABLE IF NOT EXISTS mq_tx_log (
    transaction_id VARCHAR(128) NOT NULL,
    producer_group VARCHAR(255) NOT NULL,
    topic          VARCHAR(255) NOT NULL,
    created_at     DATETIME(3)  NOT NULL,
    PRIMARY KEY (transaction_id),
    KEY idx_mq_tx_log_created_at (created_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
