package io.ternmq.spring.idempotency.crash;

import io.ternmq.spring.idempotency.crash.ConsumedOrders.Recorded;

import java.util.List;
import java.util.Map;

/**
 * What all consumer processes of a run did together, from their event files and the business rows: the duplicate
 * counter, deliveries, and what became of each listener call a kill cut.
 *
 * <p>A cut call's order row tells its fate: recorded from the same message by another process (the killed
 * transaction rolled back and the message was delivered again), recorded by the killed process itself (the commit
 * landed just before the kill, the line saying so did not), or recorded from the order's other copy (this message's
 * redelivery was then a duplicate).
 */
final class CrashTally {
    int kills;
    int midBatchKills;
    int duplicates;
    int delivered;
    int failed;
    int deadLettered;
    int cutCalls;
    int cutAndRedoneElsewhere;
    int cutButCommitted;
    int recordedByLast;

    /** @param recorded order id → its business row, every order recorded */
    static CrashTally of(List<EndedConsumer> ended, Map<String, Recorded> recorded) {
        CrashTally t = new CrashTally();
        for (EndedConsumer e : ended) {
            ConsumerEvents events = e.events();
            t.duplicates += events.duplicates();
            t.delivered += events.deliveredOk();
            t.failed += events.deliveredFailed();
            t.deadLettered += events.deadLettered();
            if (!e.killed()) {
                t.recordedByLast += events.commits();
                continue;
            }
            t.kills++;
            t.midBatchKills += e.killedMidBatch() ? 1 : 0;
            events.openCalls().forEach((messageId, call) -> {
                t.cutCalls++;
                Recorded row = recorded.get(call.orderId());
                if (row != null && row.messageId().equals(messageId)) {
                    if (row.consumer().equals(e.name())) {
                        t.cutButCommitted++;
                    } else {
                        t.cutAndRedoneElsewhere++;
                    }
                }
            });
        }
        return t;
    }

    /** One line for the test output and the failure messages. */
    String summary(int orders, long stored) {
        long copies = stored - orders;
        return String.format("%d kills, %d with listener calls in flight; %d calls cut: %d redelivered and "
                        + "recorded by another process, %d had committed just before the kill, %d were copies of an "
                        + "order recorded from its other message; %d orders in %d messages, %d of them recorded by "
                        + "the last process; %d deliveries, %d skipped as duplicates (%d producer copies, so %d "
                        + "redeliveries of committed orders), %d failed, %d dead-lettered",
                kills, midBatchKills, cutCalls, cutAndRedoneElsewhere, cutButCommitted,
                cutCalls - cutAndRedoneElsewhere - cutButCommitted, orders, stored, recordedByLast, delivered,
                duplicates, copies, duplicates - copies, failed, deadLettered);
    }
}
