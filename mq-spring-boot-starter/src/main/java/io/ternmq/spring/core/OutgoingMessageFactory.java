package io.ternmq.spring.core;

import io.ternmq.client.Message;
import io.ternmq.spring.support.MQMessageConverter;
import io.ternmq.spring.support.OutboundHeaderMapper;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Turns one {@link MQOperations} call (destination, payload, options) into the client's {@link Message}: converts the
 * payload with the {@link MQMessageConverter}, maps a Spring {@code Message}'s headers with the
 * {@link OutboundHeaderMapper}, and merges what the destination, the headers and the {@link SendOptions} say.
 *
 * <p>Merge rules: the tag may come from the destination ({@code topic:tag}), {@link SendOptions#tags()} or the
 * {@code mq_tags} header, and where several are given they must be equal; keys are the union of the options' and
 * the header's; a property given both as a header and in the options takes the options' value. Thread-safe.
 */
final class OutgoingMessageFactory {
    private final MQMessageConverter converter;
    private final OutboundHeaderMapper headerMapper = new OutboundHeaderMapper();

    OutgoingMessageFactory(MQMessageConverter converter) {
        this.converter = Objects.requireNonNull(converter, "converter");
    }

    /**
     * @param payload   an object to convert, or a Spring {@code Message<?>}
     * @param internal  properties the template itself adds (request-reply); a header or option of the same name is an
     *                  error
     */
    Message create(Destination destination, Object payload, SendOptions options, Map<String, String> internal) {
        Objects.requireNonNull(options, "options");
        if (payload == null) {
            throw new IllegalArgumentException("cannot send a null payload to " + destination);
        }
        Object body = payload;
        OutboundHeaderMapper.MappedHeaders headers = new OutboundHeaderMapper.MappedHeaders(null, List.of(), Map.of());
        if (payload instanceof org.springframework.messaging.Message<?> spring) {
            body = spring.getPayload();
            headers = headerMapper.map(spring.getHeaders());
        }
        Message.Builder b = Message.builder().topic(destination.topic()).body(converter.toBody(body))
                .tags(tag(destination, options, headers)).keys(keys(options, headers));
        Map<String, String> properties = new LinkedHashMap<>(headers.properties());
        properties.putAll(options.properties());
        for (Map.Entry<String, String> e : internal.entrySet()) {
            if (properties.containsKey(e.getKey())) {
                throw new IllegalArgumentException("'" + e.getKey() + "' is set by MQTemplate for this call; remove "
                        + "it from the headers and SendOptions");
            }
            properties.put(e.getKey(), e.getValue());
        }
        properties.forEach(b::property);
        if (options.delayLevel() > 0) {
            b.delayLevel(options.delayLevel());
        } else if (options.delay() != null) {
            b.deliverAfter(options.delay());
        } else if (options.deliverAt() != null) {
            b.deliverAt(options.deliverAt());
        }
        return b.build();
    }

    private static String tag(Destination destination, SendOptions options,
                              OutboundHeaderMapper.MappedHeaders headers) {
        String tag = destination.tag();
        tag = agree(tag, "destination '" + destination + "'", options.tags(), "SendOptions.tags");
        return agree(tag, "the destination or SendOptions", headers.tags(), "header mq_tags");
    }

    private static String agree(String first, String firstSource, String second, String secondSource) {
        if (first == null) {
            return second;
        }
        if (second != null && !second.equals(first)) {
            throw new IllegalArgumentException("conflicting tags: " + firstSource + " says '" + first + "' but "
                    + secondSource + " says '" + second + "'");
        }
        return first;
    }

    private static List<String> keys(SendOptions options, OutboundHeaderMapper.MappedHeaders headers) {
        if (headers.keys().isEmpty()) {
            return options.keys();
        }
        Set<String> keys = new LinkedHashSet<>(options.keys());
        keys.addAll(headers.keys());
        return List.copyOf(keys);
    }
}
