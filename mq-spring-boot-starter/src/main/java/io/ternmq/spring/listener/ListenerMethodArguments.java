package io.ternmq.spring.listener;

import io.ternmq.client.consumer.MessageExt;
import io.ternmq.spring.support.MQMessageConverter;
import org.springframework.core.MethodParameter;
import org.springframework.core.ResolvableType;
import org.springframework.core.convert.ConversionException;
import org.springframework.core.convert.ConversionService;
import org.springframework.core.convert.TypeDescriptor;
import org.springframework.core.convert.support.DefaultConversionService;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;
import org.springframework.messaging.converter.MessageConversionException;
import org.springframework.messaging.handler.annotation.Header;
import org.springframework.messaging.handler.annotation.Headers;
import org.springframework.messaging.handler.annotation.Payload;
import org.springframework.messaging.handler.annotation.ValueConstants;
import org.springframework.messaging.handler.invocation.MethodArgumentResolutionException;
import org.springframework.messaging.support.GenericMessage;

import java.lang.reflect.Method;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How the parameters of one listener method are filled from a received message, decided once at startup:
 * <ul>
 *   <li>{@link MessageExt}: the raw message;</li>
 *   <li>{@link Message Message&lt;T&gt;}: a {@link GenericMessage} with the payload read as {@code T} and the
 *       headers ({@code Message<?>} and {@code Message<byte[]>} get the body as is);</li>
 *   <li>{@link Header @Header("name")}: one header ({@link ReceivedMessageHeaders}), converted to the parameter
 *       type by Spring's conversion service (numbers, booleans, enums, ...); a missing required header without a
 *       default value fails the message;</li>
 *   <li>{@link Headers @Headers} {@code Map} or a {@link MessageHeaders} parameter: all headers;</li>
 *   <li>{@link Payload @Payload} or any other parameter: the payload, read from the body as the parameter's
 *       generic type by the {@link MQMessageConverter}. At most one such parameter.</li>
 * </ul>
 * A body that cannot be read fails with a {@link MessageConversionException}, a header that cannot be supplied with
 * a {@link MethodArgumentResolutionException}; both are not retried by default. Thread-safe after construction.
 */
final class ListenerMethodArguments {
    private static final ConversionService CONVERSIONS = DefaultConversionService.getSharedInstance();

    /** What one call's parameters are resolved from; converts each payload type at most once. */
    static final class Delivery {
        final MessageExt message;
        final MessageHeaders headers;
        private final MQMessageConverter converter;
        private final Map<Type, Object> payloads = new HashMap<>(2);
        private Object firstPayload;

        Delivery(MessageExt message, MessageHeaders headers, MQMessageConverter converter) {
            this.message = message;
            this.headers = headers;
            this.converter = converter;
        }

        Object payload(Type type, boolean required) {
            if (payloads.containsKey(type)) {
                return payloads.get(type);
            }
            byte[] body = message.body();
            Object value;
            if (body.length == 0 && !required) {
                value = null;
            } else {
                value = converter.fromBody(body, type);
                if (value == null && required) {
                    throw new MessageConversionException(springMessage(), "the body of " + message
                            + " converted to null as " + type.getTypeName());
                }
            }
            payloads.put(type, value);
            if (firstPayload == null) {
                firstPayload = value;
            }
            return value;
        }

        /** The first payload a parameter asked for, else the body as UTF-8 (for the idempotency key). */
        Object payloadForKey() {
            return firstPayload != null ? firstPayload : message.bodyAsString();
        }

        Message<byte[]> springMessage() {
            return new GenericMessage<>(message.body(), headers);
        }
    }

    @FunctionalInterface
    private interface Resolver {
        Object resolve(Delivery delivery);
    }

    private final Resolver[] resolvers;

    private ListenerMethodArguments(Resolver[] resolvers) {
        this.resolvers = resolvers;
    }

    /** @throws IllegalStateException naming {@code source} when a parameter cannot be supported */
    static ListenerMethodArguments of(Method method, String source) {
        Resolver[] resolvers = new Resolver[method.getParameterCount()];
        List<String> payloadParams = new ArrayList<>();
        for (int i = 0; i < resolvers.length; i++) {
            MethodParameter parameter = new MethodParameter(method, i);
            resolvers[i] = resolverFor(parameter, source, payloadParams);
        }
        if (payloadParams.size() > 1) {
            throw new IllegalStateException("@MQListener on " + source + ": more than one payload parameter "
                    + payloadParams + "; mark header parameters with @Header");
        }
        return new ListenerMethodArguments(resolvers);
    }

    Object[] resolve(Delivery delivery) {
        Object[] args = new Object[resolvers.length];
        for (int i = 0; i < args.length; i++) {
            args[i] = resolvers[i].resolve(delivery);
        }
        return args;
    }

    private static Resolver resolverFor(MethodParameter parameter, String source, List<String> payloadParams) {
        Class<?> type = parameter.getParameterType();
        Header header = parameter.getParameterAnnotation(Header.class);
        if (header != null) {
            return headerResolver(parameter, header, source);
        }
        if (parameter.hasParameterAnnotation(Headers.class)) {
            if (!Map.class.isAssignableFrom(type)) {
                throw new IllegalStateException("@MQListener on " + source + ": @Headers parameter "
                        + parameter.getParameterIndex() + " must be a Map");
            }
            return d -> d.headers;
        }
        if (type == MessageExt.class) {
            return d -> d.message;
        }
        if (type == MessageHeaders.class) {
            return d -> d.headers;
        }
        if (type == Message.class) {
            Type payloadType = messagePayloadType(parameter);
            return d -> {
                Object payload = d.payload(payloadType, true);
                return new GenericMessage<>(payload, d.headers);
            };
        }
        Payload payload = parameter.getParameterAnnotation(Payload.class);
        if (payload != null && (!payload.expression().isEmpty() || !payload.value().isEmpty())) {
            throw new IllegalStateException("@MQListener on " + source + ": @Payload expressions are not supported "
                    + "(parameter " + parameter.getParameterIndex() + ")");
        }
        boolean required = payload == null || payload.required();
        Type payloadType = parameter.getGenericParameterType();
        payloadParams.add(parameter.getParameterIndex() + ": " + payloadType.getTypeName());
        return d -> d.payload(payloadType, required);
    }

    /** {@code T} of {@code Message<T>}; raw bytes for {@code Message}, {@code Message<?>} and {@code Message<Object>}. */
    private static Type messagePayloadType(MethodParameter parameter) {
        ResolvableType generic = ResolvableType.forMethodParameter(parameter).as(Message.class).getGeneric(0);
        Class<?> resolved = generic.resolve();
        if (resolved == null || resolved == Object.class) {
            return byte[].class;
        }
        return generic.getType();
    }

    private static Resolver headerResolver(MethodParameter parameter, Header header, String source) {
        String name = !header.name().isEmpty() ? header.name() : header.value();
        if (name.isEmpty()) {
            parameter.initParameterNameDiscovery(new org.springframework.core.DefaultParameterNameDiscoverer());
            name = parameter.getParameterName();
            if (name == null) {
                throw new IllegalStateException("@MQListener on " + source + ": @Header parameter "
                        + parameter.getParameterIndex() + " needs a name (compile with -parameters or give it)");
            }
        }
        String headerName = name;
        String defaultValue = ValueConstants.DEFAULT_NONE.equals(header.defaultValue()) ? null : header.defaultValue();
        boolean required = header.required() && defaultValue == null;
        TypeDescriptor target = new TypeDescriptor(parameter);
        return d -> {
            Object value = d.headers.get(headerName);
            if (value == null) {
                value = defaultValue;
            }
            if (value == null) {
                if (required) {
                    throw new MethodArgumentResolutionException(d.springMessage(), parameter,
                            "missing header '" + headerName + "'");
                }
                return parameter.getParameterType() == java.util.Optional.class ? java.util.Optional.empty() : null;
            }
            try {
                return CONVERSIONS.convert(value, TypeDescriptor.forObject(value), target);
            } catch (ConversionException e) {
                throw new MethodArgumentResolutionException(d.springMessage(), parameter, "header '" + headerName
                        + "' value '" + value + "' cannot be converted to " + target, e);
            }
        };
    }
}
