package io.ternmq.kafka.group;

import java.util.List;

/**
 * One DescribeGroups entry. An unknown group has error GROUP_ID_NOT_FOUND and state DEAD: DescribeGroups v6+ sends
 * that error; older versions send NONE with state "Dead".
 *
 * @param protocolName the chosen protocol ("protocol_data" on the wire), "" while none is chosen
 * @param members      with metadata for the chosen protocol and the assignment, both empty while rebalancing
 */
public record GroupDescription(String groupId, GroupError error, GroupState state, String protocolType,
                               String protocolName, List<Member> members) {

    /** A member as DescribeGroups shows it. */
    public record Member(String memberId, String groupInstanceId, String clientId, String clientHost,
                         byte[] metadata, byte[] assignment) {
    }
}
