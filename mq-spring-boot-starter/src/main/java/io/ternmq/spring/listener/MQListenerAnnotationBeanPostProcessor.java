package io.ternmq.spring.listener;

import io.ternmq.spring.annotation.MQListener;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.BeansException;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.core.MethodIntrospector;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.AnnotatedElementUtils;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds {@link MQListener} methods on beans (on the target class of proxied beans; the call then goes through the
 * proxy, so {@code @Transactional} and other advice apply), resolves each into an {@link MQListenerEndpoint}
 * ({@link MQListenerEndpointResolver}) and registers it with the {@link MQListenerEndpointRegistry} once all
 * singletons exist, so that the registry and what it needs are created as ordinary beans rather than early from a
 * post-processor. An endpoint of a bean created later (lazy or prototype) is registered as soon as it is found.
 *
 * <p>A bad annotation (missing group, unresolvable placeholder, malformed idempotency key, ...) fails the creation of
 * the bean that carries it, with a message naming the method.
 *
 * <p>Thread-safe: beans may be post-processed concurrently.
 */
public class MQListenerAnnotationBeanPostProcessor implements BeanPostProcessor, BeanFactoryAware,
        SmartInitializingSingleton, Ordered {
    private ConfigurableListableBeanFactory beanFactory;
    private MQListenerEndpointResolver resolver;
    private final Set<Class<?>> withoutListeners = ConcurrentHashMap.newKeySet();
    private final List<MQListenerEndpoint> pending = new ArrayList<>();
    private MQListenerEndpointRegistry registry;

    @Override
    public void setBeanFactory(BeanFactory beanFactory) {
        if (!(beanFactory instanceof ConfigurableListableBeanFactory configurable)) {
            throw new IllegalStateException("@MQListener needs a ConfigurableListableBeanFactory, got "
                    + beanFactory.getClass().getName());
        }
        this.beanFactory = configurable;
        this.resolver = new MQListenerEndpointResolver(configurable);
    }

    @Override
    public int getOrder() {
        return LOWEST_PRECEDENCE; // after the proxy creators: we see the final bean
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) throws BeansException {
        Class<?> targetClass = AopUtils.getTargetClass(bean);
        if (withoutListeners.contains(targetClass)) {
            return bean;
        }
        Map<Method, MQListener> annotated = MethodIntrospector.selectMethods(targetClass,
                (MethodIntrospector.MetadataLookup<MQListener>) method ->
                        AnnotatedElementUtils.findMergedAnnotation(method, MQListener.class));
        if (annotated.isEmpty()) {
            withoutListeners.add(targetClass);
            return bean;
        }
        for (Map.Entry<Method, MQListener> entry : annotated.entrySet()) {
            Method invocable = AopUtils.selectInvocableMethod(entry.getKey(), bean.getClass());
            register(resolver.resolve(entry.getValue(), bean, beanName, entry.getKey(), invocable));
        }
        return bean;
    }

    private void register(MQListenerEndpoint endpoint) {
        MQListenerEndpointRegistry now;
        synchronized (this) {
            if (registry == null) {
                pending.add(endpoint);
                return;
            }
            now = registry;
        }
        now.registerListenerContainer(endpoint);
    }

    @Override
    public void afterSingletonsInstantiated() {
        MQListenerEndpointRegistry found = beanFactory.getBean(MQListenerEndpointRegistry.class);
        List<MQListenerEndpoint> endpoints;
        synchronized (this) {
            registry = found;
            endpoints = List.copyOf(pending);
            pending.clear();
        }
        for (MQListenerEndpoint endpoint : endpoints) {
            found.registerListenerContainer(endpoint);
        }
    }
}
