package io.ternmq.broker.filter;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A parsed TAG expression: either "all tags" ({@code *}, empty or {@code null}) or a set of tags.
 *
 * <p>Also carries each tag's {@code String.hashCode()}, because that is what a ConsumeQueue entry stores in
 * its 8-byte tags-code field: the broker skips entries whose hash is not in {@link #hashCodes()} without
 * reading the commit log, then confirms survivors on the real tag ({@link #matchesTag(String)}), since
 * different tags can share a hash code. Immutable.
 */
public final class TagExpression {

    private static final TagExpression ALL = new TagExpression(true, List.of());

    private final boolean all;
    private final Set<String> tags;
    private final Set<Integer> hashCodes;

    private TagExpression(boolean all, List<String> tags) {
        this.all = all;
        this.tags = Collections.unmodifiableSet(new LinkedHashSet<>(tags));
        List<Integer> hashes = new ArrayList<>(tags.size());
        for (String tag : tags) {
            hashes.add(tag.hashCode());
        }
        this.hashCodes = Collections.unmodifiableSet(new LinkedHashSet<>(hashes));
    }

    static TagExpression all() {
        return ALL;
    }

    static TagExpression of(List<String> tags) {
        return new TagExpression(false, tags);
    }

    /**
     * Parses {@code expression}; see {@code docs/filters.md} for the grammar.
     *
     * @throws FilterSyntaxException on an empty alternative, a single {@code |}, whitespace inside a tag,
     *                               a {@code *} among other tags, or an over-long expression
     */
    public static TagExpression parse(String expression) throws FilterSyntaxException {
        FilterExpressions.checkLength(expression);
        return TagExpressionParser.parse(expression);
    }

    /** {@code true} for {@code *}: every message matches, with or without a tag. */
    public boolean isAll() {
        return all;
    }

    /** The tags in the order written, without duplicates; empty when {@link #isAll()}. */
    public Set<String> tags() {
        return tags;
    }

    /** {@code String.hashCode()} of each tag; empty when {@link #isAll()}. */
    public Set<Integer> hashCodes() {
        return hashCodes;
    }

    /**
     * Pre-filter on a ConsumeQueue tags code. The store writes the int hash code into a long field, so it is
     * sign-extended; a value outside the int range can never be a tag's hash.
     */
    public boolean matchesHash(long tagHash) {
        if (all) {
            return true;
        }
        return tagHash == (int) tagHash && hashCodes.contains((int) tagHash);
    }

    /** Exact check on a message's tag; a message without a tag ({@code null}) matches only {@code *}. */
    public boolean matchesTag(String tag) {
        return all || (tag != null && tags.contains(tag));
    }

    @Override
    public String toString() {
        return all ? "*" : String.join(" || ", tags);
    }
}
