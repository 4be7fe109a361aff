package io.ternmq.broker.handler.tx;

import io.ternmq.broker.remoting.ErrorMapping;
import io.ternmq.broker.remoting.Reply;
import io.ternmq.broker.remoting.RequestContext;
import io.ternmq.broker.remoting.RequestHandler;
import io.ternmq.broker.tx.TransactionalMessageService;
import io.ternmq.protocol.command.Transactions;

import java.util.concurrent.CompletableFuture;

/**
 * END_TX: commit, roll back or report unknown for a half message, from its producer or from an operator resolving
 * a parked one. The reply completes when the resolution is stored.
 */
public final class EndTxHandler implements RequestHandler<Transactions.EndRequest> {
    private final TransactionalMessageService transactions;

    public EndTxHandler(TransactionalMessageService transactions) {
        this.transactions = transactions;
    }

    @Override
    public CompletableFuture<Reply> handle(RequestContext context, Transactions.EndRequest request) {
        return transactions.end(request.producerGroup(), request.halfMessageId(), request.resolution())
                .thenApply(outcome -> outcome.ok() ? Reply.ok(new Transactions.EndResponse(outcome.state()))
                        : Reply.error(ErrorMapping.of(outcome.status()), outcome.message()));
    }
}
