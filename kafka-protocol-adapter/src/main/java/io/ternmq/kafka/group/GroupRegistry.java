package io.ternmq.kafka.group;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Supplier;

/**
 * The groups this coordinator holds in memory, and the one way to act on a group under its lock. Membership is
 * memory only: after a restart clients rejoin (their heartbeats get UNKNOWN_MEMBER_ID), while committed offsets
 * live in {@link CommittedOffsets}. Thread-safe.
 */
final class GroupRegistry {
    private final ConcurrentMap<String, ClassicGroup> groups = new ConcurrentHashMap<>();

    ClassicGroup get(String groupId) {
        return groups.get(groupId);
    }

    ClassicGroup getOrCreate(String groupId) {
        return groups.computeIfAbsent(groupId, ClassicGroup::new);
    }

    /** Removes the group if it is still the registered instance. */
    void remove(ClassicGroup group) {
        groups.remove(group.groupId, group);
    }

    Collection<ClassicGroup> all() {
        return new ArrayList<>(groups.values());
    }

    /**
     * Runs {@code body} holding the group's lock, then, unlocked, the completions it queued with
     * {@link ClassicGroup#afterUnlock}.
     */
    static <T> T locked(ClassicGroup group, Supplier<T> body) {
        T result;
        List<Runnable> after;
        group.lock.lock();
        try {
            result = body.get();
        } finally {
            after = group.drainAfterUnlock();
            group.lock.unlock();
        }
        after.forEach(Runnable::run);
        return result;
    }

    static void locked(ClassicGroup group, Runnable body) {
        locked(group, () -> {
            body.run();
            return null;
        });
    }
}
