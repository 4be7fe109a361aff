package io.ternmq.client.consumer;

import java.util.List;

/**
 * What happens to messages whose listener call returned {@link ConsumeStatus#RECONSUME_LATER} or threw:
 * {@link BrokerSendBack} for clustering (SEND_BACK to {@code %RETRY%group}, acked, falling back to local redelivery
 * when the send-back fails) and {@link LocalRedelivery} for broadcasting.
 */
interface ConsumeFailurePolicy {
    /**
     * Handles a failed batch. The messages stay unacknowledged (holding back the committed offset) until the policy
     * acks them or re-submits them and a later attempt succeeds.
     */
    void onFailure(ProcessQueue pq, List<MessageExt> messages, ConsumeContext context, ConsumeService service);
}
