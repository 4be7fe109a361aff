package io.ternmq.broker.trace;

import io.ternmq.broker.remoting.Reply;
import io.ternmq.broker.remoting.RequestContext;
import io.ternmq.broker.remoting.RequestHandler;
import io.ternmq.protocol.ErrorCode;
import io.ternmq.protocol.command.MessageTrace;

import java.util.concurrent.CompletableFuture;

/** MESSAGE_TRACE: the trace of one message by broker id or UNIQ_KEY; QUERY_NOT_FOUND when there is none. */
public final class MessageTraceHandler implements RequestHandler<MessageTrace.Request> {
    private final MessageTraceService traces;

    public MessageTraceHandler(MessageTraceService traces) {
        this.traces = traces;
    }

    @Override
    public CompletableFuture<Reply> handle(RequestContext context, MessageTrace.Request request) {
        return traces.trace(request.messageId())
                .map(trace -> Reply.ok(trace))
                .orElseGet(() -> Reply.error(ErrorCode.QUERY_NOT_FOUND, "no message with id " + request.messageId()))
                .done();
    }
}
