package io.ternmq.broker.tx;

import io.ternmq.protocol.message.TransactionState;

/**
 * Outcome of an END_TX.
 *
 * @param status  what happened
 * @param state   the half message's state afterwards (null unless {@link EndStatus#OK})
 * @param message why, when not OK
 */
public record EndOutcome(EndStatus status, TransactionState state, String message) {
    static EndOutcome ok(TransactionState state) {
        return new EndOutcome(EndStatus.OK, state, null);
    }

    static EndOutcome failed(EndStatus status, String message) {
        return new EndOutcome(status, null, message);
    }

    public boolean ok() {
        return status == EndStatus.OK;
    }
}
