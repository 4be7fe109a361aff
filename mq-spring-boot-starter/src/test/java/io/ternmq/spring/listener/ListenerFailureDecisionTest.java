package io.ternmq.spring.listener;

import io.ternmq.client.consumer.MessageExt;
import io.ternmq.client.consumer.MessageSelector;
import io.ternmq.protocol.message.MessageModel;
import io.ternmq.spring.annotation.ConsumeMode;
import org.junit.jupiter.api.Test;
import org.springframework.messaging.converter.MessageConversionException;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The default classifier and the error handler's decisions, without a broker. */
class ListenerFailureDecisionTest {
    private static final DefaultListenerExceptionClassifier CLASSIFIER =
            new DefaultListenerExceptionClassifier(List.of(IllegalArgumentException.class));

    private static MQListenerEndpoint endpoint(MessageModel model) throws NoSuchMethodException {
        return new MQListenerEndpoint("id", new Object(), Object.class.getMethod("toString"), "X.m", false, "t", "g",
                MessageSelector.all(), ConsumeMode.CONCURRENTLY, model, null, null, null, null);
    }

    private static MessageExt message(int reconsumeTimes) {
        return new MessageExt("t", 0, 0, null, "0A", null, List.of(), Map.of(), new byte[0], 0, 0, reconsumeTimes,
                "127.0.0.1:1", 0);
    }

    @Test
    void conversionErrorsAndConfiguredTypesAnywhereInTheCauseChainAreNotRetryable() {
        assertFalse(CLASSIFIER.isRetryable(new MessageConversionException("bad body")));
        assertFalse(CLASSIFIER.isRetryable(new IllegalStateException(new MessageConversionException("wrapped"))));
        assertFalse(CLASSIFIER.isRetryable(new ListenerExecutionFailedException("checked",
                new NumberFormatException("a subclass of a configured type"))));
        assertFalse(CLASSIFIER.isRetryable(new IdempotencyKeyException("no key", null)));
        assertTrue(CLASSIFIER.isRetryable(new IllegalStateException("database down")));
        assertTrue(new DefaultListenerExceptionClassifier().isRetryable(new IllegalArgumentException("x")));
    }

    @Test
    void aCauseChainWithACycleEnds() {
        RuntimeException a = new RuntimeException("a");
        RuntimeException b = new RuntimeException("b", a);
        a.initCause(b);
        assertTrue(CLASSIFIER.isRetryable(a));
    }

    @Test
    void clusteringRetriesUntilMaxRetriesThenDeadLetters() throws Exception {
        ListenerErrorHandler handler = new ListenerErrorHandler(endpoint(MessageModel.CLUSTERING), 2, CLASSIFIER);
        RuntimeException transientError = new IllegalStateException("database down");
        assertEquals(ListenerErrorHandler.Action.RETRY, handler.onFailure(transientError, message(0)));
        assertEquals(ListenerErrorHandler.Action.RETRY, handler.onFailure(transientError, message(1)));
        assertEquals(ListenerErrorHandler.Action.DEAD_LETTER, handler.onFailure(transientError, message(2)));
        assertEquals(ListenerErrorHandler.Action.DEAD_LETTER,
                handler.onFailure(new MessageConversionException("bad"), message(0)));
    }

    @Test
    void withoutALimitRetryableFailuresAreAlwaysRetried() throws Exception {
        ListenerErrorHandler handler = new ListenerErrorHandler(endpoint(MessageModel.CLUSTERING), -1, CLASSIFIER);
        assertEquals(ListenerErrorHandler.Action.RETRY, handler.onFailure(new IllegalStateException("x"), message(99)));
    }

    @Test
    void broadcastingHasNoDeadLetterQueueSoHopelessMessagesAreDiscarded() throws Exception {
        ListenerErrorHandler handler = new ListenerErrorHandler(endpoint(MessageModel.BROADCASTING), 1, CLASSIFIER);
        assertEquals(ListenerErrorHandler.Action.DISCARD,
                handler.onFailure(new MessageConversionException("bad"), message(0)));
        assertEquals(ListenerErrorHandler.Action.DISCARD, handler.onFailure(new IllegalStateException("x"), message(1)));
        assertEquals(ListenerErrorHandler.Action.RETRY, handler.onFailure(new IllegalStateException("x"), message(0)));
    }
}
