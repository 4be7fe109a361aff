package io.ternmq.client.admin;

import java.util.List;

/** A topic's configuration and where its queues stand. */
public record TopicRouteInfo(String topic, int queueNums, int perm, boolean order, String brokerName,
                             String brokerAddress, List<QueueStatus> queues) {
}
