-- The sample's own tables. The starter creates and migrates its tables (mq_tx_log, mq_idempotency, mq_outbox) itself.
-- Runs at every start (spring.sql.init.mode=always), so every statement is idempotent. MySQL 8 and MariaDB 10.11+.

CREATE TABLE IF NOT EXISTS orders (
    id         VARCHAR(36)    NOT NULL,
    customer   VARCHAR(64)    NOT NULL,
    sku        VARCHAR(64)    NOT NULL,
    quantity   INT            NOT NULL,
    amount     DECIMAL(12, 2) NOT NULL,
    pay_later  BOOLEAN        NOT NULL,
    status     VARCHAR(16)    NOT NULL,
    paid_at    TIMESTAMP(3)   NULL,
    created_at TIMESTAMP(3)   NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    PRIMARY KEY (id),
    KEY orders_by_customer (customer, status)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE IF NOT EXISTS stock (
    sku       VARCHAR(64) NOT NULL,
    available INT         NOT NULL,
    reserved  INT         NOT NULL DEFAULT 0,
    PRIMARY KEY (sku)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- at most one reservation per order: the idempotent listener is the guard, the primary key the backstop
CREATE TABLE IF NOT EXISTS stock_reservations (
    order_id   VARCHAR(36)  NOT NULL,
    sku        VARCHAR(64)  NOT NULL,
    quantity   INT          NOT NULL,
    status     VARCHAR(16)  NOT NULL,
    created_at TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    PRIMARY KEY (order_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- steps in the order the orderly listener consumed them (id), with the queue and offset that carried each
CREATE TABLE IF NOT EXISTS order_steps (
    id           BIGINT       NOT NULL AUTO_INCREMENT,
    order_id     VARCHAR(36)  NOT NULL,
    step         VARCHAR(16)  NOT NULL,
    queue_id     INT          NOT NULL,
    queue_offset BIGINT       NOT NULL,
    consumed_at  TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    PRIMARY KEY (id),
    UNIQUE KEY order_steps_once (order_id, step)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE IF NOT EXISTS order_history (
    id         BIGINT       NOT NULL AUTO_INCREMENT,
    order_id   VARCHAR(36)  NOT NULL,
    entry      VARCHAR(512) NOT NULL,
    created_at TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    PRIMARY KEY (id),
    KEY order_history_by_order (order_id, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
