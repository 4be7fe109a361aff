package io.ternmq.client.producer;

import io.ternmq.protocol.message.TransactionResolution;

/** What a {@link TransactionListener} says about its local transaction. Names follow RocketMQ's (sic UNKNOW). */
public enum LocalTransactionState {
    /** Committed locally: deliver the message. */
    COMMIT_MESSAGE,
    /** Rolled back locally: discard the message. */
    ROLLBACK_MESSAGE,
    /** Not known (yet): the broker checks back later. */
    UNKNOW;

    TransactionResolution resolution() {
        return switch (this) {
            case COMMIT_MESSAGE -> TransactionResolution.COMMIT;
            case ROLLBACK_MESSAGE -> TransactionResolution.ROLLBACK;
            case UNKNOW -> TransactionResolution.UNKNOWN;
        };
    }
}
