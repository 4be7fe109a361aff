package io.ternmq.broker.handler.send;

import io.ternmq.broker.remoting.Reply;
import io.ternmq.broker.remoting.RequestContext;
import io.ternmq.broker.remoting.RequestHandler;
import io.ternmq.protocol.ErrorCode;
import io.ternmq.protocol.command.Send;
import io.ternmq.protocol.command.SendMulti;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * SEND_MULTI: every entry goes through the SEND handler as if it were its own SEND (same checks, same transaction
 * rules, one store batch per entry) and gets its own result, so a refused entry fails only itself. Entries are
 * handed to the store in request order, which keeps a queue's order when one request carries several entries of
 * it; the reply waits for every entry (with SYNC_FLUSH, for the last fsync they need).
 */
public final class SendMultiHandler implements RequestHandler<SendMulti.Request> {
    private final RequestHandler<Send.Request> send;

    /** @param send the SEND handler chain each entry goes through */
    public SendMultiHandler(RequestHandler<Send.Request> send) {
        this.send = send;
    }

    @Override
    public CompletableFuture<Reply> handle(RequestContext context, SendMulti.Request request) {
        if (request.entries().isEmpty()) {
            return Reply.error(ErrorCode.MESSAGE_ILLEGAL, "SEND_MULTI without entries").done();
        }
        List<CompletableFuture<SendMulti.EntryResult>> results = new ArrayList<>(request.entries().size());
        for (SendMulti.Entry e : request.entries()) {
            results.add(handleEntry(context, request.producerGroup(), e));
        }
        return CompletableFuture.allOf(results.toArray(CompletableFuture[]::new)).thenApply(done -> {
            List<SendMulti.EntryResult> out = new ArrayList<>(results.size());
            for (CompletableFuture<SendMulti.EntryResult> r : results) {
                out.add(r.join());
            }
            return Reply.ok(new SendMulti.Response(out));
        });
    }

    private CompletableFuture<SendMulti.EntryResult> handleEntry(RequestContext context, String group,
                                                                 SendMulti.Entry e) {
        CompletableFuture<Reply> reply;
        try {
            reply = send.handle(context, new Send.Request(group, e.topic(), e.queueId(), e.messages()));
        } catch (RuntimeException unexpected) {
            reply = CompletableFuture.failedFuture(unexpected);
        }
        return reply.handle((r, error) -> {
            if (error != null) { // one entry's surprise must not cost the others their results
                return SendMulti.EntryResult.failed(e.queueId(), ErrorCode.SYSTEM_ERROR, String.valueOf(error));
            }
            return r.isOk() ? SendMulti.EntryResult.ok((Send.Response) r.body())
                    : SendMulti.EntryResult.failed(e.queueId(), r.error(), r.message());
        });
    }
}
