package io.ternmq.broker.handler.send;

import io.ternmq.broker.remoting.Reply;
import io.ternmq.broker.remoting.RequestContext;
import io.ternmq.broker.remoting.RequestHandler;
import io.ternmq.protocol.ErrorCode;
import io.ternmq.protocol.command.Send;
import io.ternmq.protocol.command.SendMulti;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;

/**
 * SEND_MULTI: every entry is answered as if it were its own SEND (same checks, same transaction rules, one store
 * batch per entry) and gets its own result, so a refused entry fails only itself. Plain entries (no half message,
 * no transaction system topic) next to each other in the request are stored together through
 * {@link SendHandler#handleAll}, one CommitLog write for all of them; the others go through the SEND handler chain
 * one by one. Entries reach the store in request order either way, which keeps a queue's order when one request
 * carries several entries of it; the reply waits for every entry (with SYNC_FLUSH, for the last fsync they need).
 */
public final class SendMultiHandler implements RequestHandler<SendMulti.Request> {
    private final RequestHandler<Send.Request> send;
    private final SendHandler plain;
    private final Predicate<Send.Request> groupable;

    /**
     * @param send      the SEND handler chain an entry goes through on its own
     * @param plain     the plain SEND handler, for entries stored together
     * @param groupable which entries may skip the chain and be stored together (the chain would hand them
     *                  unchanged to {@code plain})
     */
    public SendMultiHandler(RequestHandler<Send.Request> send, SendHandler plain, Predicate<Send.Request> groupable) {
        this.send = send;
        this.plain = plain;
        this.groupable = groupable;
    }

    @Override
    public CompletableFuture<Reply> handle(RequestContext context, SendMulti.Request request) {
        if (request.entries().isEmpty()) {
            return Reply.error(ErrorCode.MESSAGE_ILLEGAL, "SEND_MULTI without entries").done();
        }
        List<CompletableFuture<SendMulti.EntryResult>> results = new ArrayList<>(request.entries().size());
        List<Send.Request> group = new ArrayList<>(request.entries().size());
        for (SendMulti.Entry e : request.entries()) {
            Send.Request entry = new Send.Request(request.producerGroup(), e.topic(), e.queueId(), e.messages());
            if (groupable.test(entry)) {
                group.add(entry);
                continue;
            }
            handleGroup(context, group, results); // first the plain entries before it: request order
            results.add(entryResult(entry, handleAlone(context, entry)));
        }
        handleGroup(context, group, results);
        return CompletableFuture.allOf(results.toArray(CompletableFuture[]::new)).thenApply(done -> {
            List<SendMulti.EntryResult> out = new ArrayList<>(results.size());
            for (CompletableFuture<SendMulti.EntryResult> r : results) {
                out.add(r.join());
            }
            return Reply.ok(new SendMulti.Response(out));
        });
    }

    private void handleGroup(RequestContext context, List<Send.Request> group,
                             List<CompletableFuture<SendMulti.EntryResult>> results) {
        if (group.isEmpty()) {
            return;
        }
        List<CompletableFuture<Reply>> replies;
        try {
            replies = plain.handleAll(context, group);
        } catch (RuntimeException unexpected) {
            replies = Collections.nCopies(group.size(), CompletableFuture.failedFuture(unexpected));
        }
        for (int i = 0; i < group.size(); i++) {
            results.add(entryResult(group.get(i), replies.get(i)));
        }
        group.clear();
    }

    private CompletableFuture<Reply> handleAlone(RequestContext context, Send.Request entry) {
        try {
            return send.handle(context, entry);
        } catch (RuntimeException unexpected) {
            return CompletableFuture.failedFuture(unexpected);
        }
    }

    private static CompletableFuture<SendMulti.EntryResult> entryResult(Send.Request e, CompletableFuture<Reply> reply) {
        return reply.handle((r, error) -> {
            if (error != null) { // one entry's surprise must not cost the others their results
                return SendMulti.EntryResult.failed(e.queueId(), ErrorCode.SYSTEM_ERROR, String.valueOf(error));
            }
            return r.isOk() ? SendMulti.EntryResult.ok((Send.Response) r.body())
                    : SendMulti.EntryResult.failed(e.queueId(), r.error(), r.message());
        });
    }
}
