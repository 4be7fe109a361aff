package io.ternmq.kafka.group;

import java.util.Map;

/** The plain-Java form of a SyncGroup request and its result. */
public final class SyncGroup {
    private SyncGroup() {
    }

    /**
     * @param protocolType null before v5 (not checked)
     * @param protocolName null before v5 (not checked)
     * @param assignments  member id → assignment bytes; only the leader sends any
     */
    public record Request(String groupId, int generationId, String memberId, String groupInstanceId,
                          String protocolType, String protocolName, Map<String, byte[]> assignments) {
        public Request {
            assignments = assignments == null ? Map.of() : Map.copyOf(assignments);
        }
    }

    /** This member's assignment, stored verbatim from the leader's SyncGroup (empty on error). */
    public record Result(GroupError error, String protocolType, String protocolName, byte[] assignment) {

        static Result failed(GroupError error) {
            return new Result(error, null, null, new byte[0]);
        }
    }
}
