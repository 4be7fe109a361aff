package io.ternmq.client.e2e;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Records orderly listener calls and checks the orderly guarantees over them. A message body is
 * {@code "<order> <step>"}; every call is recorded when it starts and when it ends. Thread-safe.
 */
final class OrderlyLedger {
    static final List<String> STEPS = List.of("create", "pay", "push", "complete");

    /** One listener call on one message. */
    record Call(String member, int queueId, long offset, String order, String step, long startNanos, long endNanos) {
    }

    final List<Call> calls = new CopyOnWriteArrayList<>();

    void record(String member, int queueId, long offset, String body, long startNanos, long endNanos) {
        String[] parts = body.split(" ");
        calls.add(new Call(member, queueId, offset, parts[0], parts[1], startNanos, endNanos));
    }

    /** Per queue, calls in the order they started. */
    Map<Integer, List<Call>> byQueue() {
        Map<Integer, List<Call>> out = new TreeMap<>();
        calls.stream().sorted((a, b) -> Long.compare(a.startNanos(), b.startNanos()))
                .forEach(c -> out.computeIfAbsent(c.queueId(), q -> new ArrayList<>()).add(c));
        return out;
    }

    /** The steps of each order in the order they were first consumed. */
    static Map<String, List<String>> firstSeenSteps(List<Call> inOrder) {
        Map<String, List<String>> out = new TreeMap<>();
        Set<String> seen = new HashSet<>();
        for (Call c : inOrder) {
            if (seen.add(c.order() + "/" + c.step())) {
                out.computeIfAbsent(c.order(), o -> new ArrayList<>()).add(c.step());
            }
        }
        return out;
    }

    /**
     * Checks one queue's calls, in the order they happened: a call at offset {@code o} only starts when every lower
     * offset of the queue (from {@code firstOffset}) was already consumed (nothing skipped, order kept); re-deliveries
     * of already consumed offsets are allowed and counted. Returns the number of re-deliveries.
     */
    static int assertNothingSkipped(int queueId, List<Call> inOrder, long firstOffset) {
        long consumedUpTo = firstOffset; // every offset below this was consumed at least once
        int redeliveries = 0;
        for (Call c : inOrder) {
            if (c.offset() > consumedUpTo) {
                throw new AssertionError("queue " + queueId + ": offset " + c.offset() + " consumed by " + c.member()
                        + " before offset " + consumedUpTo + "; calls: " + describe(inOrder));
            }
            if (c.offset() == consumedUpTo) {
                consumedUpTo++;
            } else {
                redeliveries++;
            }
        }
        return redeliveries;
    }

    /** Two calls on different queues that ran at the same time, or null. */
    Call[] overlappingCallsOnDifferentQueues() {
        List<Call> all = new ArrayList<>(calls);
        for (Call a : all) {
            for (Call b : all) {
                if (a.queueId() != b.queueId() && a.startNanos() < b.endNanos() && b.startNanos() < a.endNanos()) {
                    return new Call[]{a, b};
                }
            }
        }
        return null;
    }

    /** Two calls on the same queue that ran at the same time (must never happen), or null. */
    Call[] overlappingCallsOnOneQueue() {
        for (List<Call> queue : byQueue().values()) {
            for (int i = 1; i < queue.size(); i++) {
                if (queue.get(i).startNanos() < queue.get(i - 1).endNanos()) {
                    return new Call[]{queue.get(i - 1), queue.get(i)};
                }
            }
        }
        return null;
    }

    static String describe(List<Call> calls) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (Call c : calls) {
            out.computeIfAbsent(c.member(), m -> new ArrayList<>()).add(c.offset() + ":" + c.order() + "/" + c.step());
        }
        return out.toString();
    }
}
