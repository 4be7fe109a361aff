package io.ternmq.cli;

import io.ternmq.cli.output.Report;
import io.ternmq.client.MessageQueue;
import io.ternmq.client.consumer.MessageExt;
import io.ternmq.client.consumer.MessageSelector;
import io.ternmq.client.consumer.PullConsumer;
import io.ternmq.client.consumer.PullResult;
import io.ternmq.client.consumer.PullStatus;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code consumeMessage}: reads up to {@code -c} messages of a topic and prints them, without disturbing any
 * consumer group unless asked to. Reads queue by queue, in queue-id order, from the queue's oldest offset
 * (or the group's committed offset with {@code -g}, or {@code -o} with {@code -i}). With {@code --tags} or
 * {@code --sql} the broker filters; skipped messages still move the offsets {@code --commit} stores.
 */
@Command(name = "consumeMessage", description = "Read and print messages of a topic (browse; commits nothing unless --commit).")
final class ConsumeMessageCommand extends BrokerCommand {
    /** Browsing needs a group name on the wire; this one never commits, so it never has offsets. */
    static final String BROWSE_GROUP = "mqadmin-browse";
    private static final int PULL_BATCH = 32;

    @Option(names = {"-t", "--topic"}, required = true, description = "Topic name.")
    String topic;

    @Option(names = {"-c", "--count"}, defaultValue = "32", description = "Maximum messages to print (default ${DEFAULT-VALUE}).")
    int count;

    @Option(names = {"-g", "--group"}, description = "Start from this consumer group's committed offsets.")
    String group;

    @Option(names = {"-i", "--queue"}, description = "Only this queue id.")
    Integer queueId;

    @Option(names = {"-o", "--offset"}, description = "Start offset (needs -i).")
    Long offset;

    @Option(names = "--commit", description = "Commit the offsets after the printed messages for the group (needs -g).")
    boolean commit;

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    SelectorOptions filter;

    @Override
    protected Report run(BrokerSession session) {
        if (offset != null && queueId == null) {
            throw new IllegalArgumentException("-o/--offset needs -i/--queue");
        }
        if (commit && group == null) {
            throw new IllegalArgumentException("--commit needs -g/--group");
        }
        if (count < 1) {
            throw new IllegalArgumentException("-c must be at least 1");
        }
        PullConsumer consumer = session.pullConsumer(group != null ? group : BROWSE_GROUP,
                filter != null ? filter.selector() : MessageSelector.all());
        List<MessageQueue> queues = consumer.fetchQueues(topic).stream()
                .filter(q -> queueId == null || q.queueId() == queueId).sorted().toList();
        if (queues.isEmpty()) {
            throw new CommandFailedException("topic " + topic + " has no queue" + (queueId == null ? "" : " " + queueId));
        }
        List<MessageExt> printed = new ArrayList<>();
        for (MessageQueue queue : queues) {
            long next = readQueue(consumer, queue, startOffset(consumer, queue), printed);
            if (commit) {
                consumer.commitSync(queue, next);
            }
            if (printed.size() >= count) {
                break;
            }
        }
        return new Report()
                .field("topic", topic)
                .field("messages", printed.size())
                .table("messageList", MessageRows.table(printed));
    }

    private long startOffset(PullConsumer consumer, MessageQueue queue) {
        if (offset != null) {
            return offset;
        }
        return group != null ? consumer.committed(queue).orElse(0) : 0;
    }

    /** Reads the queue up to its current end or until enough messages were printed; returns the next offset. */
    private long readQueue(PullConsumer consumer, MessageQueue queue, long from, List<MessageExt> printed) {
        long next = from;
        while (printed.size() < count) {
            int want = Math.min(PULL_BATCH, count - printed.size());
            // (almost) no long-polling: browsing shows what is stored now
            PullResult result = consumer.pull(queue, next, want, Duration.ofMillis(1));
            switch (result.status()) {
                case FOUND -> {
                    List<MessageExt> messages = result.messages();
                    if (messages.isEmpty()) {
                        return next;
                    }
                    if (messages.size() > want) {
                        // keep the offset right after the last printed message, so --commit skips nothing
                        printed.addAll(messages.subList(0, want));
                        return messages.get(want - 1).queueOffset() + 1;
                    }
                    printed.addAll(messages);
                    next = result.nextOffset();
                }
                case NO_MATCHED_MSG, OFFSET_ILLEGAL -> {
                    // filtered out, or removed by retention: carry on where the broker says
                    if (result.nextOffset() == next) {
                        return next;
                    }
                    next = result.nextOffset();
                }
                default -> {
                    return next;
                }
            }
        }
        return next;
    }
}
