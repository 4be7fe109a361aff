package io.ternmq.kafka.group;

import java.util.List;

/** The plain-Java form of LeaveGroup: v0-2 carry one member (use its error as the top-level one), v3+ a batch. */
public final class LeaveGroup {
    private LeaveGroup() {
    }

    /** A member leaving; {@code memberId} may be "" when a static member leaves by instance id. */
    public record Leaver(String memberId, String groupInstanceId) {
        public Leaver {
            memberId = memberId == null ? "" : memberId;
        }
    }

    public record MemberResult(String memberId, String groupInstanceId, GroupError error) {
    }

    /** {@code error} is the group-level outcome; per-member outcomes in request order. */
    public record Result(GroupError error, List<MemberResult> members) {
    }
}
