package io.ternmq.kafka.server.handler;

import io.ternmq.broker.topic.TopicRegistry;
import io.ternmq.kafka.codec.ApiKey;
import io.ternmq.kafka.group.GroupCoordinator;
import io.ternmq.kafka.server.ApiHandlers;

/** The consumer group APIs, all served by one {@link GroupCoordinator}. */
final class GroupHandlers {
    private GroupHandlers() {
    }

    static ApiHandlers register(ApiHandlers table, GroupCoordinator coordinator, TopicRegistry topics) {
        return table.register(ApiKey.JOIN_GROUP, new JoinGroupHandler(coordinator))
                .register(ApiKey.SYNC_GROUP, new SyncGroupHandler(coordinator))
                .register(ApiKey.HEARTBEAT, new HeartbeatHandler(coordinator))
                .register(ApiKey.LEAVE_GROUP, new LeaveGroupHandler(coordinator))
                .register(ApiKey.OFFSET_COMMIT, new OffsetCommitHandler(coordinator))
                .register(ApiKey.OFFSET_FETCH, new OffsetFetchHandler(coordinator))
                .register(ApiKey.LIST_GROUPS, new ListGroupsHandler(coordinator))
                .register(ApiKey.DESCRIBE_GROUPS, new DescribeGroupsHandler(coordinator))
                .register(ApiKey.DELETE_GROUPS, new DeleteGroupsHandler(coordinator))
                .register(ApiKey.OFFSET_DELETE, new OffsetDeleteHandler(coordinator, topics));
    }
}
