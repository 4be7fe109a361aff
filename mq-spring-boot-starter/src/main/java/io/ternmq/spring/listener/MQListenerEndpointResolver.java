package io.ternmq.spring.listener;

import io.ternmq.client.consumer.MessageSelector;
import io.ternmq.spring.annotation.MQListener;
import io.ternmq.spring.annotation.SelectorType;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.config.BeanExpressionContext;
import org.springframework.beans.factory.config.BeanExpressionResolver;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.ClassUtils;

import java.lang.reflect.Method;
import java.util.regex.Pattern;

/**
 * Turns one {@link MQListener} annotation into an {@link MQListenerEndpoint}: resolves {@code ${...}} placeholders
 * with the bean factory's embedded value resolver and {@code #{...}} expressions with its
 * {@link BeanExpressionResolver}, parses numbers and booleans, and checks every value. A bad value fails with an
 * {@link IllegalStateException} that names the method, the attribute and what it resolved to. The
 * {@code idempotencyKey} only gets placeholders resolved: it is a SpEL expression evaluated per message.
 */
final class MQListenerEndpointResolver {
    /** Topic names the client accepts (see {@code io.ternmq.client.Message}). */
    private static final Pattern TOPIC = Pattern.compile("[A-Za-z0-9_%|-]{1,127}");

    private final ConfigurableListableBeanFactory beanFactory;

    MQListenerEndpointResolver(ConfigurableListableBeanFactory beanFactory) {
        this.beanFactory = beanFactory;
    }

    /**
     * @param userMethod the annotated method as declared in the user's class
     * @param invocable  the method to call on {@code bean} (differs from {@code userMethod} for JDK proxies)
     */
    MQListenerEndpoint resolve(MQListener listener, Object bean, String beanName, Method userMethod,
                               Method invocable) {
        Class<?> userClass = ClassUtils.getUserClass(AopUtils.getTargetClass(bean));
        String source = userClass.getSimpleName() + "." + userMethod.getName();
        Attributes a = new Attributes(source);
        String id = a.text("id", listener.id());
        String topic = a.required("topic", listener.topic());
        if (!TOPIC.matcher(topic).matches()) {
            throw a.invalid("topic", listener.topic(), topic, "a topic name is 1 to 127 of [A-Za-z0-9_%|-]");
        }
        String group = a.required("group", listener.group());
        String expression = a.text("selectorExpression", listener.selectorExpression());
        MessageSelector selector;
        if (listener.selectorType() == SelectorType.SQL92) {
            if (expression.isBlank() || expression.equals("*")) {
                throw a.invalid("selectorExpression", listener.selectorExpression(), expression,
                        "an SQL92 selector needs a condition such as \"amount > 100\"");
            }
            selector = MessageSelector.bySql(expression);
        } else {
            selector = MessageSelector.byTag(expression.isBlank() ? "*" : expression);
        }
        Integer concurrency = a.integer("concurrency", listener.concurrency(), 1);
        Integer maxRetries = a.integer("maxRetries", listener.maxRetries(), -1);
        Boolean autoStartup = a.bool("autoStartup", listener.autoStartup());
        String key = a.placeholders("idempotencyKey", listener.idempotencyKey());
        if (key.isEmpty()) {
            key = null;
        } else {
            IdempotencyKeyExpression.parse(key, source); // fails at startup, naming the method
        }
        return new MQListenerEndpoint(id.isEmpty() ? beanName + "." + userMethod.getName() : id, bean, invocable,
                source, isTransactional(userClass, userMethod), topic, group, selector, listener.consumeMode(),
                listener.messageModel(), concurrency, maxRetries, key, autoStartup);
    }

    private static boolean isTransactional(Class<?> userClass, Method userMethod) {
        Method specific = AopUtils.getMostSpecificMethod(userMethod, userClass);
        return AnnotatedElementUtils.hasAnnotation(specific, Transactional.class)
                || AnnotatedElementUtils.hasAnnotation(userClass, Transactional.class);
    }

    /** Resolution and checks of the string attributes of one annotation. */
    private final class Attributes {
        private final String source;

        Attributes(String source) {
            this.source = source;
        }

        String text(String name, String raw) {
            Object value;
            try {
                String resolved = beanFactory.resolveEmbeddedValue(raw);
                BeanExpressionResolver expressions = beanFactory.getBeanExpressionResolver();
                value = resolved;
                if (expressions != null && resolved != null) {
                    value = expressions.evaluate(resolved, new BeanExpressionContext(beanFactory, null));
                }
            } catch (RuntimeException e) {
                throw new IllegalStateException("@MQListener on " + source + ": cannot resolve " + name + " '" + raw
                        + "': " + e.getMessage(), e);
            }
            return value == null ? "" : value.toString().trim();
        }

        /** Placeholders only: for attributes that are SpEL themselves. */
        String placeholders(String name, String raw) {
            try {
                String resolved = beanFactory.resolveEmbeddedValue(raw);
                return resolved == null ? "" : resolved.trim();
            } catch (RuntimeException e) {
                throw new IllegalStateException("@MQListener on " + source + ": cannot resolve " + name + " '" + raw
                        + "': " + e.getMessage(), e);
            }
        }

        String required(String name, String raw) {
            String value = text(name, raw);
            if (value.isEmpty()) {
                throw invalid(name, raw, value, "it is required");
            }
            return value;
        }

        Integer integer(String name, String raw, int min) {
            String value = text(name, raw);
            if (value.isEmpty()) {
                return null;
            }
            try {
                int n = Integer.parseInt(value);
                if (n < min) {
                    throw invalid(name, raw, value, "it must be at least " + min);
                }
                return n;
            } catch (NumberFormatException e) {
                throw invalid(name, raw, value, "it is not a whole number");
            }
        }

        Boolean bool(String name, String raw) {
            String value = text(name, raw);
            if (value.isEmpty()) {
                return null;
            }
            if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
                return Boolean.valueOf(value);
            }
            throw invalid(name, raw, value, "it must be true or false");
        }

        IllegalStateException invalid(String name, String raw, String resolved, String why) {
            String shown = raw.equals(resolved) ? "'" + raw + "'" : "'" + raw + "' (resolved to '" + resolved + "')";
            return new IllegalStateException("@MQListener on " + source + ": " + name + " " + shown + " is invalid: "
                    + why);
        }
    }
}
