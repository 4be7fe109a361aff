package io.ternmq.broker.handler.tx;

import io.ternmq.broker.handler.send.SendHandler;
import io.ternmq.broker.remoting.Reply;
import io.ternmq.broker.remoting.RequestContext;
import io.ternmq.broker.remoting.RequestHandler;
import io.ternmq.broker.store.AppendRequest;
import io.ternmq.broker.store.MessageDraft;
import io.ternmq.broker.tx.TransactionTopics;
import io.ternmq.broker.tx.TransactionalMessageService;
import io.ternmq.protocol.ErrorCode;
import io.ternmq.protocol.command.Send;
import io.ternmq.protocol.message.MessageProperties;
import io.ternmq.protocol.message.OutgoingMessage;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * SEND, transaction-aware: a request whose message has {@code TRAN_MSG=true} is a half message and goes to
 * {@link TransactionalMessageService#prepare}; any other goes to the plain {@link SendHandler}. Direct sends to the
 * transaction system topics are refused.
 */
public final class TransactionalSendHandler implements RequestHandler<Send.Request> {
    private final RequestHandler<Send.Request> plain;
    private final TransactionalMessageService transactions;

    public TransactionalSendHandler(RequestHandler<Send.Request> plain, TransactionalMessageService transactions) {
        this.plain = plain;
        this.transactions = transactions;
    }

    @Override
    public CompletableFuture<Reply> handle(RequestContext context, Send.Request request) {
        if (TransactionTopics.isSystemTopic(request.topic())) {
            return Reply.error(ErrorCode.MESSAGE_ILLEGAL, "topic " + request.topic()
                    + " is reserved for transactions").done();
        }
        boolean anyHalf = request.messages().stream().anyMatch(TransactionalSendHandler::isHalf);
        if (!anyHalf) {
            return plain.handle(context, request);
        }
        if (request.messages().size() != 1) {
            return Reply.error(ErrorCode.MESSAGE_ILLEGAL, "a transactional message cannot be sent in a batch").done();
        }
        OutgoingMessage m = request.messages().get(0);
        MessageDraft draft = new MessageDraft(m.properties(), m.body(), m.bornTimestamp(), m.flag(), m.sysFlag(), 0);
        AppendRequest append = new AppendRequest(request.topic(), request.queueId(), List.of(draft),
                context.channel().remoteAddress());
        return transactions.prepare(append, request.producerGroup())
                .thenApply(outcome -> SendHandler.reply(outcome, request));
    }

    /**
     * True when this handler would pass the request unchanged to the plain SEND handler: not for a transaction
     * system topic, no half message.
     */
    public static boolean isPlain(Send.Request request) {
        if (TransactionTopics.isSystemTopic(request.topic())) {
            return false;
        }
        for (OutgoingMessage m : request.messages()) {
            if (isHalf(m)) {
                return false;
            }
        }
        return true;
    }

    static boolean isHalf(OutgoingMessage m) {
        return "true".equalsIgnoreCase(m.properties().get(MessageProperties.TRANSACTION_PREPARED));
    }
}
