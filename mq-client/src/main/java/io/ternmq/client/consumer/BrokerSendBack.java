package io.ternmq.client.consumer;

import io.ternmq.client.remoting.RemotingClient;
import io.ternmq.protocol.command.Commands;
import io.ternmq.protocol.command.SendBack;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Clustering failure policy: each failed message is handed back to the broker (SEND_BACK), which redelivers a copy
 * through {@code %RETRY%group} after a back-off (level {@code 3 + reconsumeTimes} unless the listener set
 * {@link ConsumeContext#delayLevelWhenNextConsume}) or, past {@code maxReconsumeTimes}, parks it in
 * {@code %DLQ%group}. Messages the broker took are acknowledged here, so the committed offset moves on; messages
 * whose send-back failed (broker unreachable, message gone) fall back to {@link LocalRedelivery}, which keeps them
 * unacknowledged until a local attempt succeeds. Thread-safe.
 */
final class BrokerSendBack implements ConsumeFailurePolicy {
    private static final System.Logger LOG = System.getLogger(BrokerSendBack.class.getName());

    private final RemotingClient remoting;
    private final String group;
    private final int maxReconsumeTimes;
    private final ConsumeFailurePolicy fallback;

    /**
     * @param maxReconsumeTimes -1 = the group's setting on the broker (16 unless changed)
     * @param fallback          for messages the broker did not take
     */
    BrokerSendBack(RemotingClient remoting, String group, int maxReconsumeTimes, ConsumeFailurePolicy fallback) {
        this.remoting = remoting;
        this.group = group;
        this.maxReconsumeTimes = maxReconsumeTimes;
        this.fallback = fallback;
    }

    @Override
    public void onFailure(ProcessQueue pq, List<MessageExt> messages, ConsumeContext context, ConsumeService service) {
        List<CompletableFuture<Boolean>> sent = new ArrayList<>(messages.size());
        for (MessageExt m : messages) {
            SendBack.Request request = new SendBack.Request(group, m.offsetMsgId(),
                    context.delayLevelWhenNextConsume(), maxReconsumeTimes);
            sent.add(remoting.invoke(Commands.SEND_BACK, request).handle((response, error) -> {
                if (error != null) {
                    LOG.log(System.Logger.Level.WARNING, "send-back of " + m + " failed; retrying locally", error);
                    return false;
                }
                return true;
            }));
        }
        CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).whenComplete((ignored, error) -> {
            List<MessageExt> taken = new ArrayList<>();
            List<MessageExt> local = new ArrayList<>();
            for (int i = 0; i < messages.size(); i++) {
                (sent.get(i).join() ? taken : local).add(messages.get(i));
            }
            if (!taken.isEmpty()) {
                service.acknowledge(pq, taken);
            }
            if (!local.isEmpty()) {
                fallback.onFailure(pq, local, context, service);
            }
        });
    }
}
