package io.ternmq.broker.handler.tx;

import io.ternmq.broker.remoting.Reply;
import io.ternmq.broker.remoting.RequestContext;
import io.ternmq.broker.remoting.RequestHandler;
import io.ternmq.broker.tx.HalfMessage;
import io.ternmq.broker.tx.TransactionalMessageService;
import io.ternmq.broker.tx.UnresolvedTransaction;
import io.ternmq.protocol.command.Transactions;

import java.util.concurrent.CompletableFuture;

/**
 * LIST_TRANSACTIONS: the half messages still waiting for a commit or rollback, so an operator can see the parked
 * ones (and the ones still being checked back) and resolve them with END_TX. Read-only; answers from memory.
 */
public final class ListTransactionsHandler implements RequestHandler<Transactions.ListRequest> {
    private final TransactionalMessageService transactions;

    public ListTransactionsHandler(TransactionalMessageService transactions) {
        this.transactions = transactions;
    }

    @Override
    public CompletableFuture<Reply> handle(RequestContext context, Transactions.ListRequest request) {
        return CompletableFuture.completedFuture(Reply.ok(new Transactions.ListResponse(
                transactions.unresolved(request.producerGroup()).stream()
                        .map(ListTransactionsHandler::info).toList())));
    }

    private static Transactions.HalfMessageInfo info(UnresolvedTransaction tx) {
        HalfMessage half = tx.half();
        return new Transactions.HalfMessageInfo(half.transactionId(), half.producerGroup(), half.realTopic(),
                half.realQueueId(), half.halfId(), half.storeTimestamp(), tx.checkTimes(), tx.state());
    }
}
