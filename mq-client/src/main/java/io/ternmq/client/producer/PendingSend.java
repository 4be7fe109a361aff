package io.ternmq.client.producer;

import io.ternmq.protocol.message.OutgoingMessage;

import java.util.concurrent.CompletableFuture;

/**
 * One message waiting in a {@link QueueSendBuffer}, with the future its sender holds.
 *
 * @param message       the encoded message
 * @param uniqKey       its client id, returned as {@link SendResult#msgId()}
 * @param enqueuedNanos when the application sent it ({@link System#nanoTime()}); its send timeout counts from here
 * @param result        completed with this message's own result
 */
record PendingSend(OutgoingMessage message, String uniqKey, long enqueuedNanos, CompletableFuture<SendResult> result) {
    int bytes() {
        return message.body().length;
    }
}
