package io.ternmq.spring.core;

/**
 * Where {@link MQOperations} sends: a topic, optionally with a tag, written {@code topic} or {@code topic:tag} as in
 * rocketmq-spring, so code moving from it keeps its destinations. Topic names cannot contain {@code ':'}, so the
 * first colon always separates the tag. A tag given here and one given in {@link SendOptions#tags()} or the
 * {@code mq_tags} header must agree.
 *
 * @param topic the topic
 * @param tag   the tag, or null
 */
public record Destination(String topic, String tag) {

    /**
     * Parses {@code topic} or {@code topic:tag}.
     *
     * @throws IllegalArgumentException when the topic or the tag after the colon is empty
     */
    public static Destination parse(String destination) {
        if (destination == null || destination.isBlank()) {
            throw new IllegalArgumentException("destination must be 'topic' or 'topic:tag', got '" + destination + "'");
        }
        int colon = destination.indexOf(':');
        if (colon < 0) {
            return new Destination(destination, null);
        }
        String topic = destination.substring(0, colon);
        String tag = destination.substring(colon + 1);
        if (topic.isEmpty() || tag.isBlank()) {
            throw new IllegalArgumentException("destination must be 'topic' or 'topic:tag', got '" + destination + "'");
        }
        return new Destination(topic, tag);
    }

    @Override
    public String toString() {
        return tag == null ? topic : topic + ":" + tag;
    }
}
