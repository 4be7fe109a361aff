package io.ternmq.broker.delay;

/** What happened to one due message of a schedule queue. */
enum ForwardStatus {
    /** Appended to its real topic. */
    DELIVERED,
    /** Not due yet after its hop: appended to the next timer hop queue. */
    RESCHEDULED,
    /** Cannot be delivered ever (real topic gone, not writable, message invalid): logged and skipped. */
    DROPPED,
    /** The store refused for now (disk full, shutting down): stop here and try again on the next tick. */
    RETRY_LATER
}
