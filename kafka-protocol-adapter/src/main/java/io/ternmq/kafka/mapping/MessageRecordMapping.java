package io.ternmq.kafka.mapping;

import io.ternmq.kafka.record.KafkaRecord;
import io.ternmq.kafka.record.LocatedRecord;
import io.ternmq.kafka.record.RecordHeader;
import io.ternmq.protocol.message.MessageProperties;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * How one Kafka record and one broker message (properties + body + born timestamp) correspond.
 *
 * <p>Kafka to broker: value = body (null value: empty body + {@link KafkaPropertyNames#VALUE_NULL}); timestamp =
 * born timestamp; a key that is valid non-empty UTF-8 = {@code KEYS}, any other key goes exactly into {@link
 * KafkaPropertyNames#KEY}; headers = user properties (key = name, UTF-8 value) when that is lossless, with
 * {@link KafkaPropertyNames#HEADER_ORDER} if they were not in ascending order; otherwise the whole list goes into
 * {@link KafkaPropertyNames#HEADERS} and the representable headers are copied to user properties for native
 * consumers. {@link TernmqHeaders} additionally set broker properties.
 *
 * <p>Broker to Kafka: the exact reverse for messages written by Kafka clients, so they read back byte-identical.
 * Native messages: KEYS (UTF-8) = key, body = value, user properties = headers sorted by name, TAGS = header
 * {@link TernmqHeaders#TAGS}; broker properties (UNIQ_KEY, DELAY, ...) are not exposed.
 *
 * <p>Stateless and thread-safe.
 */
public final class MessageRecordMapping {
    private static final String NULL_KEY = "-";

    private MessageRecordMapping() {
    }

    /** The properties that carry a record's key, headers and null value (body and timestamp are separate). */
    public static Map<String, String> properties(KafkaRecord record) {
        return properties(record, true);
    }

    /** As {@link #properties(KafkaRecord)}; {@code nativeCopies} false drops the copies made for native readers. */
    static Map<String, String> properties(KafkaRecord record, boolean nativeCopies) {
        return properties(record.key(), record.value() == null, record.headers(), nativeCopies);
    }

    /** As {@link #properties(KafkaRecord, boolean)}, for a record whose value was left in its batch. */
    static Map<String, String> properties(LocatedRecord record, boolean nativeCopies) {
        return properties(record.key(), record.valueIsNull(), record.headers(), nativeCopies);
    }

    private static Map<String, String> properties(byte[] key, boolean valueNull, List<RecordHeader> headers,
                                                  boolean nativeCopies) {
        Map<String, String> props = new LinkedHashMap<>();
        if (headersFitProperties(headers)) {
            boolean ascending = true;
            for (int i = 0; i < headers.size(); i++) {
                RecordHeader h = headers.get(i);
                props.put(h.key(), new String(h.value(), StandardCharsets.UTF_8));
                ascending &= i == 0 || headers.get(i - 1).key().compareTo(h.key()) < 0;
            }
            if (!ascending) {
                StringBuilder order = new StringBuilder();
                for (RecordHeader h : headers) {
                    order.append(order.isEmpty() ? "" : String.valueOf(KafkaPropertyNames.ORDER_SEPARATOR)).append(h.key());
                }
                props.put(KafkaPropertyNames.HEADER_ORDER, order.toString());
            }
        } else {
            props.put(KafkaPropertyNames.HEADERS, encodeHeaders(headers));
            if (nativeCopies) {
                for (RecordHeader h : headers) {
                    String value = utf8OrNull(h.value());
                    if (value != null && !KafkaPropertyNames.isSystem(h.key())) {
                        props.putIfAbsent(h.key(), value);
                    }
                }
            }
        }
        String explicitKeys = null;
        for (RecordHeader h : headers) {
            String value = utf8OrNull(h.value());
            if (value == null) {
                continue;
            }
            switch (h.key()) {
                case TernmqHeaders.TAGS -> props.put(MessageProperties.TAGS, value);
                case TernmqHeaders.DELAY_LEVEL -> props.put(MessageProperties.DELAY, value);
                case TernmqHeaders.DELIVER_AT_MS -> props.put(MessageProperties.TIMER_DELIVER_MS, value);
                case TernmqHeaders.KEYS -> explicitKeys = value;
                default -> { }
            }
        }
        String keyText = key == null || key.length == 0 ? null : utf8OrNull(key);
        if (explicitKeys != null) {
            props.put(MessageProperties.KEYS, explicitKeys);
            props.put(KafkaPropertyNames.KEY, encodeKey(key));
        } else if (keyText != null) {
            props.put(MessageProperties.KEYS, keyText);
        } else if (key != null) {
            props.put(KafkaPropertyNames.KEY, encodeKey(key));
        }
        if (valueNull) {
            props.put(KafkaPropertyNames.VALUE_NULL, "1");
        }
        return props;
    }

    /** The record key a message stands for: exact for Kafka-written messages, KEYS as UTF-8 for native ones. */
    public static byte[] key(Map<String, String> properties) {
        String exact = properties.get(KafkaPropertyNames.KEY);
        if (exact != null) {
            if (NULL_KEY.equals(exact)) {
                return null;
            }
            try {
                return Base64.getDecoder().decode(exact);
            } catch (IllegalArgumentException notOurs) {
                // set by someone else (a native producer): fall back to KEYS rather than fail the fetch
            }
        }
        String keys = properties.get(MessageProperties.KEYS);
        return keys == null ? null : keys.getBytes(StandardCharsets.UTF_8);
    }

    /** Whether the record value was null (the body is then empty and not the value). */
    public static boolean valueIsNull(Map<String, String> properties) {
        return properties.containsKey(KafkaPropertyNames.VALUE_NULL);
    }

    /** The record headers a message stands for. */
    public static List<RecordHeader> headers(Map<String, String> properties) {
        if (properties.isEmpty()) {
            return List.of();
        }
        String exact = properties.get(KafkaPropertyNames.HEADERS);
        if (exact != null) {
            try {
                return decodeHeaders(exact);
            } catch (RuntimeException notOurs) {
                // malformed, so not written by this adapter: fall back to the user properties
            }
        }
        Map<String, String> user = new TreeMap<>();
        properties.forEach((name, value) -> {
            if (!KafkaPropertyNames.isSystem(name)) {
                user.put(name, value);
            }
        });
        String tags = properties.get(MessageProperties.TAGS);
        if (tags != null && !user.containsKey(TernmqHeaders.TAGS)) {
            user.put(TernmqHeaders.TAGS, tags);
        }
        if (user.isEmpty()) {
            return List.of();
        }
        List<RecordHeader> headers = new ArrayList<>(user.size());
        String order = properties.get(KafkaPropertyNames.HEADER_ORDER);
        if (order != null) {
            for (String name : order.split(String.valueOf(KafkaPropertyNames.ORDER_SEPARATOR), -1)) {
                String value = user.remove(name);
                if (value != null) {
                    headers.add(new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8)));
                }
            }
        }
        user.forEach((name, value) -> headers.add(new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8))));
        return headers;
    }

    /** The Kafka record a message stands for. */
    public static KafkaRecord toRecord(Map<String, String> properties, byte[] body, long bornTimestamp) {
        return new KafkaRecord(bornTimestamp, key(properties), valueIsNull(properties) ? null : body,
                headers(properties));
    }

    private static boolean headersFitProperties(List<RecordHeader> headers) {
        Set<String> seen = new HashSet<>();
        for (RecordHeader h : headers) {
            if (!seen.add(h.key()) || KafkaPropertyNames.isSystem(h.key()) || utf8OrNull(h.value()) == null
                    || h.key().indexOf(KafkaPropertyNames.ORDER_SEPARATOR) >= 0) {
                return false;
            }
        }
        return true;
    }

    /** The bytes as a string when they are valid UTF-8 (so the string encodes back to the same bytes). */
    static String utf8OrNull(byte[] bytes) {
        if (bytes == null) {
            return null;
        }
        try {
            CharBuffer chars = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
            return chars.toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static String encodeKey(byte[] key) {
        return key == null ? NULL_KEY : Base64.getEncoder().encodeToString(key);
    }

    private static String encodeHeaders(List<RecordHeader> headers) {
        int size = 4;
        List<byte[]> keys = new ArrayList<>(headers.size());
        for (RecordHeader h : headers) {
            byte[] k = h.key().getBytes(StandardCharsets.UTF_8);
            keys.add(k);
            size += 8 + k.length + (h.value() == null ? 0 : h.value().length);
        }
        ByteBuffer out = ByteBuffer.allocate(size).putInt(headers.size());
        for (int i = 0; i < headers.size(); i++) {
            byte[] value = headers.get(i).value();
            out.putInt(keys.get(i).length).put(keys.get(i));
            if (value == null) {
                out.putInt(-1);
            } else {
                out.putInt(value.length).put(value);
            }
        }
        return Base64.getEncoder().encodeToString(out.array());
    }

    private static List<RecordHeader> decodeHeaders(String encoded) {
        ByteBuffer in = ByteBuffer.wrap(Base64.getDecoder().decode(encoded));
        int count = in.getInt();
        if (count < 0) {
            throw new IllegalArgumentException("negative header count");
        }
        List<RecordHeader> headers = new ArrayList<>(Math.min(count, in.remaining() / 8));
        for (int i = 0; i < count; i++) {
            byte[] key = new byte[in.getInt()];
            in.get(key);
            int valueLength = in.getInt();
            byte[] value = null;
            if (valueLength >= 0) {
                value = new byte[valueLength];
                in.get(value);
            }
            headers.add(new RecordHeader(new String(key, StandardCharsets.UTF_8), value));
        }
        return headers;
    }
}
