package io.ternmq.spring.support;

import org.springframework.messaging.MessageHeaders;
import org.springframework.util.MimeType;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Maps the headers of a Spring {@link org.springframework.messaging.Message} onto what a TernMQ message carries:
 * <ul>
 *   <li>{@link MQHeaders#TAGS} becomes the tag, {@link MQHeaders#KEYS} the business keys (a comma-separated
 *       string or a collection of strings);</li>
 *   <li>{@link MQHeaders#REPLY_TO} and {@link MQHeaders#CORRELATION_ID} travel as user properties under their own
 *       names (request-reply);</li>
 *   <li>Spring's {@code id} and {@code timestamp} and every other {@code mq_} header (what a received message
 *       carries: topic, offsets, ...) are dropped, so forwarding a received message does not copy its metadata;</li>
 *   <li>every other header becomes a user property under its own name: strings, numbers, booleans, characters,
 *       enums, UUIDs and MIME types as their {@code toString()}; null values are skipped.</li>
 * </ul>
 * A header of another type, or with an invalid or reserved name ({@link UserPropertyNames}), is an
 * {@link IllegalArgumentException} naming it. Stateless and thread-safe.
 */
public final class OutboundHeaderMapper {

    /**
     * What the headers say about the message to send.
     *
     * @param tags       the tag, or null
     * @param keys       business keys, possibly empty
     * @param properties user properties, in header order
     */
    public record MappedHeaders(String tags, List<String> keys, Map<String, String> properties) {
    }

    /** Maps {@code headers}; see the class comment for the rules. */
    public MappedHeaders map(MessageHeaders headers) {
        String tags = null;
        List<String> keys = new ArrayList<>();
        Map<String, String> properties = new LinkedHashMap<>();
        for (Map.Entry<String, Object> header : headers.entrySet()) {
            String name = header.getKey();
            Object value = header.getValue();
            if (value == null || name.equals(MessageHeaders.ID) || name.equals(MessageHeaders.TIMESTAMP)) {
                continue;
            }
            if (name.equals(MQHeaders.TAGS)) {
                tags = text(name, value);
            } else if (name.equals(MQHeaders.KEYS)) {
                keys.addAll(keys(value));
            } else if (name.equals(MQHeaders.REPLY_TO) || name.equals(MQHeaders.CORRELATION_ID)) {
                properties.put(name, text(name, value));
            } else if (!name.startsWith(MQHeaders.PREFIX)) {
                properties.put(UserPropertyNames.check(name, "header"), text(name, value));
            }
        }
        return new MappedHeaders(tags, List.copyOf(keys), properties);
    }

    private static List<String> keys(Object value) {
        List<String> out = new ArrayList<>();
        if (value instanceof Collection<?> c) {
            for (Object k : c) {
                out.add(text(MQHeaders.KEYS, k).trim());
            }
        } else {
            for (String k : text(MQHeaders.KEYS, value).split(",")) {
                if (!k.isBlank()) {
                    out.add(k.trim());
                }
            }
        }
        return out;
    }

    private static String text(String header, Object value) {
        if (value instanceof CharSequence || value instanceof Number || value instanceof Boolean
                || value instanceof Character || value instanceof Enum<?> || value instanceof UUID
                || value instanceof MimeType) {
            return value.toString();
        }
        throw new IllegalArgumentException("header '" + header + "' has a value of type " + value.getClass().getName()
                + ", which cannot travel as a message property; give it as a String (or number, boolean, enum, UUID)");
    }
}
