package io.ternmq.broker.handler.retry;

import io.ternmq.broker.remoting.ErrorMapping;
import io.ternmq.broker.remoting.Reply;
import io.ternmq.broker.remoting.RequestContext;
import io.ternmq.broker.remoting.RequestHandler;
import io.ternmq.broker.retry.SendBackResult;
import io.ternmq.broker.retry.SendBackService;
import io.ternmq.broker.retry.SendBackStatus;
import io.ternmq.protocol.command.SendBack;

import java.util.concurrent.CompletableFuture;

/** SEND_BACK: a consumer hands back a failed message for retry or dead-lettering ({@link SendBackService}). */
public final class SendBackHandler implements RequestHandler<SendBack.Request> {
    private final SendBackService retries;

    public SendBackHandler(SendBackService retries) {
        this.retries = retries;
    }

    @Override
    public CompletableFuture<Reply> handle(RequestContext context, SendBack.Request request) {
        return retries.sendBack(request.group(), request.messageId(), request.delayLevel(),
                request.maxReconsumeTimes()).thenApply(SendBackHandler::reply);
    }

    private static Reply reply(SendBackResult result) {
        if (!result.ok()) {
            return ErrorMapping.reply(result);
        }
        SendBack.Outcome outcome = result.status() == SendBackStatus.MOVED_TO_DLQ ? SendBack.Outcome.DLQ
                : SendBack.Outcome.RETRY;
        return Reply.ok(new SendBack.Response(outcome, result.topic(), result.messageId(), result.reconsumeTimes()));
    }
}
