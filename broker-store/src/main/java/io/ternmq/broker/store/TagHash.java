package io.ternmq.broker.store;

/** The tag hash stored in ConsumeQueue entries; 0 means "no tag". */
public final class TagHash {
    private TagHash() {
    }

    public static long of(String tag) {
        return tag == null || tag.isEmpty() ? 0 : tag.hashCode();
    }
}
