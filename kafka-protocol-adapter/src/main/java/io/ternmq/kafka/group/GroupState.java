package io.ternmq.kafka.group;

/**
 * The states of a classic consumer group, with the names Kafka tools print (DescribeGroups, ListGroups).
 *
 * <pre>
 * Empty --join--> PreparingRebalance --all joined / rebalance timeout--> CompletingRebalance --leader sync--> Stable
 *   ^                  ^    |  (no member left)                                  |                        |
 *   +------------------+----+                     new member, leave, expiry -----+------------------------+
 * any --DeleteGroups--> Dead
 * </pre>
 */
public enum GroupState {
    EMPTY("Empty"),
    PREPARING_REBALANCE("PreparingRebalance"),
    COMPLETING_REBALANCE("CompletingRebalance"),
    STABLE("Stable"),
    DEAD("Dead");

    private final String kafkaName;

    GroupState(String kafkaName) {
        this.kafkaName = kafkaName;
    }

    /** The name on the wire, e.g. "PreparingRebalance". */
    public String kafkaName() {
        return kafkaName;
    }

    /** The state with that wire name (case-insensitive, as ListGroups v4 filters are), or null. */
    public static GroupState ofKafkaName(String name) {
        for (GroupState s : values()) {
            if (s.kafkaName.equalsIgnoreCase(name)) {
                return s;
            }
        }
        return null;
    }
}
