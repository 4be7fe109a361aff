package io.ternmq.broker.delay;

/**
 * The fixed-delay "hops" through which a message with an arbitrary delivery time travels: queue {@code q} of
 * {@link ScheduleTopics#TIMER_TOPIC} holds messages that wait {@code (q % 7 + 1) * 8^(q / 7)} seconds, i.e.
 * 1..7 s, 8..56 s, 64..448 s, ... up to {@code 7 * 8^6} s (about 21 days): 49 queues.
 *
 * <p>Every message in one queue waits the same time, so each queue is FIFO by due time and needs only a cursor,
 * no index. A message is put in the queue of the largest hop not above its remaining delay (rounded up to a
 * second); when the hop is over it goes to the next hop or, once due, to its real topic. The remaining delay's
 * base-8 digits shrink at every hop, so a delay of up to 3 days takes at most 6 hops (one append each), and the
 * oldest copy of a waiting message is never older than its largest hop.
 *
 * <p>The table is fixed in code because queue ids are persisted with the messages: changing it would misroute
 * waiting messages.
 */
public final class TimerHops {
    private static final int DIGITS = 7;
    private static final int POSITIONS = 7;
    /** Number of hop queues. */
    public static final int COUNT = DIGITS * POSITIONS;

    private TimerHops() {
    }

    /** How long messages wait in hop queue {@code queueId}. */
    public static long hopMs(int queueId) {
        if (queueId < 0 || queueId >= COUNT) {
            throw new IllegalArgumentException("no timer hop queue " + queueId);
        }
        long seconds = (queueId % DIGITS + 1L);
        for (int i = 0; i < queueId / DIGITS; i++) {
            seconds *= 8;
        }
        return seconds * 1_000L;
    }

    /**
     * The hop queue for a message that is due in {@code remainingMs} (must be positive): the largest hop not
     * longer than the remaining delay rounded up to whole seconds. A message may therefore arrive up to a second
     * late, never early.
     */
    public static int queueFor(long remainingMs) {
        if (remainingMs <= 0) {
            throw new IllegalArgumentException("not delayed: " + remainingMs);
        }
        long seconds = (remainingMs + 999) / 1_000;
        int best = 0;
        for (int q = 0; q < COUNT; q++) {
            if (hopMs(q) <= seconds * 1_000L) {
                best = q;
            }
        }
        return best;
    }
}
