package io.ternmq.spring.support;

import java.lang.reflect.Type;

/**
 * Turns payloads into message bodies and back. The default, {@link JacksonMQMessageConverter}, writes JSON with the
 * application's Jackson {@code JsonMapper}; declare a bean of this type to replace it.
 */
public interface MQMessageConverter {
    /** The body for {@code payload}: a {@code byte[]} as is, a {@code String} as UTF-8, anything else as JSON. */
    byte[] toBody(Object payload);

    /**
     * Reads {@code body} as {@code type} (may be generic, e.g. {@code List<Order>}).
     *
     * @throws org.springframework.messaging.converter.MessageConversionException when the body does not fit the type;
     *                                                                           listeners send such messages straight
     *                                                                           to the dead-letter queue
     */
    Object fromBody(byte[] body, Type type);
}
