package io.ternmq.cli;

import io.ternmq.client.consumer.MessageSelector;
import picocli.CommandLine.Option;

/**
 * {@code consumeMessage}'s broker-side filter: a tag expression or an SQL92 condition over properties, as a
 * consumer group would subscribe (docs/filters.md). Exclusive: the broker evaluates one expression per
 * subscription.
 */
final class SelectorOptions {

    @Option(names = "--tags", paramLabel = "expression",
            description = "Only messages with these tags: \"TagA || TagB\" (default: every message).")
    String tags;

    @Option(names = "--sql", paramLabel = "condition",
            description = "Only messages whose properties match this SQL92 condition: \"amount > 100\".")
    String sql;

    /** The selector to pull with; a malformed tag expression is a usage error here, malformed SQL the broker's. */
    MessageSelector selector() {
        return sql != null ? MessageSelector.bySql(sql) : MessageSelector.byTag(tags);
    }
}
