package io.ternmq.broker.handler.send;

import io.ternmq.broker.message.AppendOutcome;
import io.ternmq.broker.message.MessageService;
import io.ternmq.broker.remoting.ErrorMapping;
import io.ternmq.broker.remoting.Reply;
import io.ternmq.broker.remoting.RequestContext;
import io.ternmq.broker.remoting.RequestHandler;
import io.ternmq.broker.store.AppendRequest;
import io.ternmq.broker.store.AppendResult;
import io.ternmq.broker.store.MessageDraft;
import io.ternmq.broker.topic.TopicCheck;
import io.ternmq.protocol.ErrorCode;
import io.ternmq.protocol.command.Send;
import io.ternmq.protocol.message.OutgoingMessage;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * SEND: one message or a batch for one queue. Topic, queue and size checks happen in {@link MessageService}; the
 * reply completes from the store's future, so a SYNC_FLUSH wait holds no thread.
 */
public final class SendHandler implements RequestHandler<Send.Request> {
    private final MessageService messages;

    public SendHandler(MessageService messages) {
        this.messages = messages;
    }

    @Override
    public CompletableFuture<Reply> handle(RequestContext context, Send.Request request) {
        if (request.messages().isEmpty()) {
            return Reply.error(ErrorCode.MESSAGE_ILLEGAL, "SEND without messages").done();
        }
        return messages.append(toAppend(request, context.channel().remoteAddress()))
                .thenApply(outcome -> reply(outcome, request));
    }

    /**
     * Several SENDs of one connection handled as {@link #handle} would, in list order, with what passes the checks
     * written to the store together ({@link MessageService#appendAll}).
     *
     * @return one reply future per request, in list order
     */
    public List<CompletableFuture<Reply>> handleAll(RequestContext context, List<Send.Request> requests) {
        String bornHost = context.channel().remoteAddress();
        List<CompletableFuture<Reply>> replies = new ArrayList<>(requests.size());
        List<AppendRequest> appends = new ArrayList<>(requests.size());
        List<Send.Request> appended = new ArrayList<>(requests.size());
        for (Send.Request request : requests) {
            if (request.messages().isEmpty()) {
                replies.add(Reply.error(ErrorCode.MESSAGE_ILLEGAL, "SEND without messages").done());
            } else {
                replies.add(null); // set below, once stored
                appends.add(toAppend(request, bornHost));
                appended.add(request);
            }
        }
        List<CompletableFuture<AppendOutcome>> outcomes = messages.appendAll(appends);
        int next = 0;
        for (int i = 0; i < replies.size(); i++) {
            if (replies.get(i) == null) {
                Send.Request request = appended.get(next);
                replies.set(i, outcomes.get(next++).thenApply(outcome -> reply(outcome, request)));
            }
        }
        return replies;
    }

    private static AppendRequest toAppend(Send.Request request, String bornHost) {
        List<MessageDraft> drafts = new ArrayList<>(request.messages().size());
        for (OutgoingMessage m : request.messages()) {
            drafts.add(new MessageDraft(m.properties(), m.body(), m.bornTimestamp(), m.flag(), m.sysFlag(), 0));
        }
        return new AppendRequest(request.topic(), request.queueId(), drafts, bornHost);
    }

    /** The SEND reply for an append outcome (also used for half messages). */
    public static Reply reply(AppendOutcome outcome, Send.Request request) {
        if (outcome.topicCheck() != TopicCheck.OK) {
            return ErrorMapping.reply(outcome.topicCheck(), request.topic(), request.queueId());
        }
        AppendResult result = outcome.result();
        if (!result.ok()) {
            return Reply.error(ErrorMapping.of(result.status()), result.errorMessage() != null
                    ? result.errorMessage() : result.status().name());
        }
        return Reply.ok(new Send.Response(request.queueId(), result.baseQueueOffset(), result.storeTimestamp(),
                result.messageIds()));
    }
}
