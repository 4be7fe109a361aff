package io.ternmq.broker.filter;

import io.ternmq.broker.store.MessageFilter;
import io.ternmq.broker.store.MessageProperty;
import io.ternmq.broker.store.TagHash;

import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A tag subscription, {@code *} or {@code TagA || TagB}. ConsumeQueue entries are screened by tag hash (cheap, may
 * let a hash collision through); each message read is then matched on its exact tag, so collisions never reach
 * the consumer.
 *
 * <p>Immutable and thread-safe.
 */
public final class TagFilter implements MessageFilter {
    private final Set<String> tags;
    private final Set<Long> hashes;

    private TagFilter(Set<String> tags) {
        this.tags = Set.copyOf(tags);
        Set<Long> h = new HashSet<>();
        tags.forEach(t -> h.add(TagHash.of(t)));
        this.hashes = Set.copyOf(h);
    }

    /**
     * Parses a tag expression.
     *
     * @return the filter ({@link MessageFilter#ACCEPT_ALL} for null, blank or {@code *}), or empty when the
     *         expression names no tag
     */
    public static Optional<MessageFilter> parse(String expression) {
        if (expression == null || expression.isBlank() || expression.trim().equals("*")) {
            return Optional.of(ACCEPT_ALL);
        }
        Set<String> tags = new LinkedHashSet<>();
        for (String part : expression.split("\\|\\|")) {
            String tag = part.trim();
            if (!tag.isEmpty()) {
                tags.add(tag);
            }
        }
        if (tags.isEmpty() || tags.contains("*")) {
            // "*" mixed with tags is ambiguous; RocketMQ treats it as all, we ask for clarity
            return tags.isEmpty() ? Optional.empty() : Optional.of(ACCEPT_ALL);
        }
        return Optional.of(new TagFilter(tags));
    }

    @Override
    public boolean matchesTagHash(long tagHash, boolean batchEntry) {
        return batchEntry || hashes.contains(tagHash);
    }

    @Override
    public boolean matches(Map<String, String> properties) {
        String tag = properties.get(MessageProperty.TAGS);
        return tag != null && tags.contains(tag);
    }

    @Override
    public String toString() {
        return String.join(" || ", tags);
    }
}
