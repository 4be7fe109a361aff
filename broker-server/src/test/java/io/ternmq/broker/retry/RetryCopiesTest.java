package io.ternmq.broker.retry;

import io.ternmq.broker.store.StoredMessage;
import io.ternmq.protocol.message.MessageProperties;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** The copies SEND_BACK and DLQ re-send store, for messages {@link RetryAndDlqTest} cannot easily produce. */
class RetryCopiesTest {

    /** A message a transaction commit stored: it still carries TRAN_MSG=true and the half message's id. */
    private static StoredMessage committedTransactionalMessage() {
        return new StoredMessage("orders", 1, 9, 4096, "MSGID", 1_000, 900, "127.0.0.1:1", "127.0.0.1:2", 0, 0, 0,
                Map.of(MessageProperties.TRANSACTION_PREPARED, "true", MessageProperties.TRANSACTION_HALF_MESSAGE_ID,
                        "HALFID", MessageProperties.KEYS, "order-7"), "body".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aRetryOfACommittedTransactionalMessageIsAPlainDelayedMessage() {
        var retry = RetryCopies.retry(committedTransactionalMessage(), 3);
        assertFalse(retry.properties().containsKey(MessageProperties.TRANSACTION_PREPARED),
                "the broker refuses a delayed message marked transactional: " + retry.properties());
        assertEquals("3", retry.properties().get(MessageProperties.DELAY));
        assertEquals("orders", retry.properties().get(MessageProperties.RETRY_TOPIC));
        assertEquals("order-7", retry.properties().get(MessageProperties.KEYS));
    }

    @Test
    void aDeadLetterOfACommittedTransactionalMessageIsNotMarkedTransactional() {
        var dead = RetryCopies.deadLetter(committedTransactionalMessage());
        assertFalse(dead.properties().containsKey(MessageProperties.TRANSACTION_PREPARED), dead.properties().toString());
        assertEquals("orders", dead.properties().get(MessageProperties.DLQ_ORIGIN_TOPIC));
    }
}
