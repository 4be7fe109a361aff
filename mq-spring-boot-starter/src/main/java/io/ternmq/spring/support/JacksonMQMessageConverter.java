package io.ternmq.spring.support;

import org.springframework.messaging.converter.MessageConversionException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;

/**
 * {@link MQMessageConverter} on Jackson 3: {@code byte[]} and {@code String} pass through (UTF-8), everything else is
 * JSON. Thread-safe.
 */
public final class JacksonMQMessageConverter implements MQMessageConverter {
    private final JsonMapper mapper;

    public JacksonMQMessageConverter(JsonMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public byte[] toBody(Object payload) {
        if (payload instanceof byte[] bytes) {
            return bytes;
        }
        if (payload instanceof String s) {
            return s.getBytes(StandardCharsets.UTF_8);
        }
        try {
            return mapper.writeValueAsBytes(payload);
        } catch (JacksonException e) {
            throw new MessageConversionException("cannot write " + payload.getClass().getName() + " as JSON: "
                    + e.getOriginalMessage(), e);
        }
    }

    @Override
    public Object fromBody(byte[] body, Type type) {
        if (type == byte[].class) {
            return body;
        }
        if (type == String.class) {
            return new String(body, StandardCharsets.UTF_8);
        }
        try {
            return mapper.readValue(body, mapper.constructType(type));
        } catch (JacksonException e) {
            throw new MessageConversionException("cannot read the body as " + type.getTypeName() + ": "
                    + e.getOriginalMessage(), e);
        }
    }
}
