package io.ternmq.broker.handler.retry;

import io.ternmq.broker.remoting.ErrorMapping;
import io.ternmq.broker.remoting.Reply;
import io.ternmq.broker.remoting.RequestContext;
import io.ternmq.broker.remoting.RequestHandler;
import io.ternmq.broker.retry.SendBackService;
import io.ternmq.protocol.command.DeadLetters;

import java.util.concurrent.CompletableFuture;

/** RESEND_DLQ_MESSAGE: re-sends a dead letter to its group through {@code %RETRY%group}. */
public final class ResendDlqMessageHandler implements RequestHandler<DeadLetters.ResendRequest> {
    private final SendBackService retries;

    public ResendDlqMessageHandler(SendBackService retries) {
        this.retries = retries;
    }

    @Override
    public CompletableFuture<Reply> handle(RequestContext context, DeadLetters.ResendRequest request) {
        return retries.resendFromDlq(request.group(), request.messageId()).thenApply(result -> result.ok()
                ? Reply.ok(new DeadLetters.ResendResponse(result.topic(), 0, result.messageId()))
                : ErrorMapping.reply(result));
    }
}
