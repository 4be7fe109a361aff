package io.ternmq.spring.listener;

import io.ternmq.spring.testing.Await;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** What a test listener received, in arrival order; thread-safe. */
final class Inbox<T> {
    private final List<T> items = new CopyOnWriteArrayList<>();

    void add(T item) {
        items.add(item);
    }

    List<T> items() {
        return List.copyOf(items);
    }

    int size() {
        return items.size();
    }

    /** Waits until at least {@code n} items arrived and returns them. */
    List<T> awaitAtLeast(int n) {
        Await.until(() -> items.size() >= n, () -> n + " items, got " + items);
        return items();
    }
}
