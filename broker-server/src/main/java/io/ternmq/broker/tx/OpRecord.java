package io.ternmq.broker.tx;

import io.ternmq.broker.store.MessageDraft;
import io.ternmq.broker.store.StoredMessage;

import java.util.Map;

/**
 * One record of the op topic. Layout: an empty body and three properties, {@code OP} (the {@link OpKind} name),
 * {@code HALF_ID} (the half message's broker id) and {@code CHECK_TIMES} (check-backs sent so far).
 *
 * @param kind       what happened
 * @param halfId     the half message's broker id
 * @param checkTimes check-backs sent so far
 */
public record OpRecord(OpKind kind, String halfId, int checkTimes) {
    static final String OP = "OP";
    static final String HALF_ID = "HALF_ID";
    static final String CHECK_TIMES = "CHECK_TIMES";

    public MessageDraft toDraft(long now) {
        return MessageDraft.of(new byte[0], Map.of(OP, kind.name(), HALF_ID, halfId,
                CHECK_TIMES, Integer.toString(checkTimes)), now);
    }

    /** The record stored in a message of the op topic, or null when the message is not one (never expected). */
    public static OpRecord parse(StoredMessage m) {
        String op = m.properties().get(OP);
        String halfId = m.properties().get(HALF_ID);
        if (op == null || halfId == null) {
            return null;
        }
        try {
            return new OpRecord(OpKind.valueOf(op), halfId,
                    Integer.parseInt(m.properties().getOrDefault(CHECK_TIMES, "0")));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
