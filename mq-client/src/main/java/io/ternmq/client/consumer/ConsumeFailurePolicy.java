package io.ternmq.client.consumer;

import java.util.List;

/**
 * What happens to messages whose listener call returned {@link ConsumeStatus#RECONSUME_LATER} or threw. The seam for
 * broker-side retry: a later policy sends them back to {@code %RETRY%group} (CONSUMER_SEND_MSG_BACK) and acks them,
 * falling back to local redelivery when the send-back fails. Today's policy is {@link LocalRedelivery}.
 */
interface ConsumeFailurePolicy {
    /**
     * Handles a failed batch. The messages stay unacknowledged (holding back the committed offset) until the policy
     * acks them or re-submits them and a later attempt succeeds.
     */
    void onFailure(ProcessQueue pq, List<MessageExt> messages, ConsumeContext context, ConsumeService service);
}
