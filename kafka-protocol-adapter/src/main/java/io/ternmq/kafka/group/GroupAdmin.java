package io.ternmq.kafka.group;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * ListGroups, DescribeGroups and DeleteGroups. Groups the coordinator has never seen but that have committed offsets
 * (native groups, Kafka groups from before a restart) are listed and described as Empty with protocol type "", the
 * way Kafka shows groups that only have offsets, so Kafka tools see every group with offsets.
 *
 * <p>Thread-safe: each group is read or changed under its lock.
 */
public final class GroupAdmin {
    private final GroupRegistry registry;
    private final CommittedOffsets offsets;

    GroupAdmin(GroupRegistry registry, CommittedOffsets offsets) {
        this.registry = registry;
        this.offsets = offsets;
    }

    /**
     * ListGroups.
     *
     * @param states only groups in these states (ListGroups v4+); empty for all
     * @return sorted by group id
     */
    public List<GroupListing> list(Set<GroupState> states) {
        Map<String, GroupListing> listings = new TreeMap<>();
        for (String groupId : offsets.groups()) {
            listings.put(groupId, new GroupListing(groupId, "", GroupState.EMPTY));
        }
        for (ClassicGroup group : registry.all()) {
            GroupListing listing = GroupRegistry.locked(group, () -> new GroupListing(group.groupId,
                    group.protocolType == null ? "" : group.protocolType, group.state));
            if (listing.state() != GroupState.DEAD) {
                listings.put(listing.groupId(), listing);
            }
        }
        return listings.values().stream().filter(l -> states.isEmpty() || states.contains(l.state())).toList();
    }

    /** DescribeGroups, in request order. */
    public List<GroupDescription> describe(List<String> groupIds) {
        List<GroupDescription> result = new ArrayList<>();
        for (String groupId : groupIds) {
            result.add(describeOne(groupId));
        }
        return result;
    }

    private GroupDescription describeOne(String groupId) {
        ClassicGroup group = registry.get(groupId);
        GroupDescription notFound = new GroupDescription(groupId, GroupError.GROUP_ID_NOT_FOUND, GroupState.DEAD, "",
                "", List.of());
        if (group == null) {
            return offsets.groups().contains(groupId)
                    ? new GroupDescription(groupId, GroupError.NONE, GroupState.EMPTY, "", "", List.of()) : notFound;
        }
        return GroupRegistry.locked(group, () -> {
            if (group.state == GroupState.DEAD) {
                return notFound;
            }
            boolean settled = group.state == GroupState.STABLE || group.state == GroupState.COMPLETING_REBALANCE;
            List<GroupDescription.Member> members = new ArrayList<>();
            for (GroupMember m : group.members.values()) {
                members.add(new GroupDescription.Member(m.memberId, m.groupInstanceId, m.clientId, m.clientHost,
                        settled ? m.metadata(group.protocolName) : GroupMember.NO_BYTES,
                        group.state == GroupState.STABLE ? m.assignment : GroupMember.NO_BYTES));
            }
            return new GroupDescription(groupId, GroupError.NONE, group.state,
                    group.protocolType == null ? "" : group.protocolType,
                    settled && group.protocolName != null ? group.protocolName : "", List.copyOf(members));
        });
    }

    /**
     * DeleteGroups: only groups without members (NON_EMPTY_GROUP otherwise); the group and its committed offsets are
     * removed. Unknown groups are GROUP_ID_NOT_FOUND.
     *
     * @return per group, in request order
     */
    public Map<String, GroupError> delete(List<String> groupIds) {
        Map<String, GroupError> result = new LinkedHashMap<>();
        for (String groupId : groupIds) {
            result.put(groupId, deleteOne(groupId));
        }
        return result;
    }

    private GroupError deleteOne(String groupId) {
        ClassicGroup group = registry.get(groupId);
        if (group == null) {
            if (!offsets.groups().contains(groupId)) {
                return GroupError.GROUP_ID_NOT_FOUND;
            }
            offsets.deleteGroup(groupId);
            return GroupError.NONE;
        }
        return GroupRegistry.locked(group, () -> {
            if (group.state == GroupState.DEAD) {
                return GroupError.GROUP_ID_NOT_FOUND;
            }
            if (group.state != GroupState.EMPTY) {
                return GroupError.NON_EMPTY_GROUP;
            }
            group.state = GroupState.DEAD;
            registry.remove(group);
            group.pendingMembers.values().forEach(GroupTimer.Cancellable::cancel);
            group.pendingMembers.clear();
            offsets.deleteGroup(groupId);
            return GroupError.NONE;
        });
    }
}
