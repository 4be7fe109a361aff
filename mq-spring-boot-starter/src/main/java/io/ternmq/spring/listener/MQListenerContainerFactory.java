package io.ternmq.spring.listener;

import io.ternmq.client.ClientConfig;
import io.ternmq.client.consumer.PushConsumer;
import io.ternmq.protocol.message.MessageModel;
import io.ternmq.spring.annotation.ConsumeMode;
import io.ternmq.spring.autoconfigure.ConsumerProperties;
import io.ternmq.spring.autoconfigure.ListenerProperties;
import io.ternmq.spring.core.ClientConfigs;
import io.ternmq.spring.idempotency.IdempotencyGuard;
import io.ternmq.spring.metrics.MQMetrics;
import io.ternmq.spring.support.MQMessageConverter;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * Builds the {@link MQListenerContainer} of an endpoint: the endpoint's settings over the {@code mq.consumer.*} and
 * {@code mq.listener.*} defaults, the method adapter, the error handler, the consumer's connection. Declare a bean of
 * this type to change how every container is built.
 *
 * <p>Each container's consumer gets its own client id, {@code <client id>@listener-<endpoint id>}: the broker
 * treats one client id as one member, and a consumer leaving (stop) would otherwise take the application's other
 * clients out of their groups. Listeners take one message per call. Thread-safe.
 */
public class MQListenerContainerFactory {
    private static final Log LOG = LogFactory.getLog(MQListenerContainerFactory.class);

    private final ClientConfig clientConfig;
    private final ConsumerProperties consumerProperties;
    private final ListenerProperties listenerProperties;
    private final MQMessageConverter converter;
    private final ListenerExceptionClassifier classifier;
    private final MQMetrics metrics;
    private final Supplier<IdempotencyGuard> idempotencyGuard;
    private final boolean idempotencyEnabled;
    private final ListenerReplySender replies;

    /**
     * @param idempotencyGuard   supplies the guard, or null when there is none
     * @param idempotencyEnabled {@code mq.idempotency.enabled}: when false, idempotency keys are ignored (logged)
     */
    public MQListenerContainerFactory(ClientConfig clientConfig, ConsumerProperties consumerProperties,
                                      ListenerProperties listenerProperties, MQMessageConverter converter,
                                      ListenerExceptionClassifier classifier, MQMetrics metrics,
                                      Supplier<IdempotencyGuard> idempotencyGuard, boolean idempotencyEnabled,
                                      ListenerReplySender replies) {
        this.clientConfig = Objects.requireNonNull(clientConfig, "clientConfig");
        this.consumerProperties = consumerProperties;
        this.listenerProperties = listenerProperties;
        this.converter = converter;
        this.classifier = classifier;
        this.metrics = metrics;
        this.idempotencyGuard = idempotencyGuard;
        this.idempotencyEnabled = idempotencyEnabled;
        this.replies = replies;
    }

    /** @throws IllegalStateException naming the method when the endpoint cannot be served as configured */
    public MQListenerContainer createContainer(MQListenerEndpoint endpoint) {
        endpoint = withIdempotencyDecided(endpoint);
        IdempotencyGuard guard = null;
        if (endpoint.idempotencyKey() != null) {
            guard = idempotencyGuard.get();
            if (guard == null) {
                throw new IllegalStateException("@MQListener on " + endpoint.source() + " has idempotencyKey '"
                        + endpoint.idempotencyKey() + "', which needs an IdempotencyGuard bean: add a DataSource and "
                        + "the tx-outbox schema (the starter then provides a MySQL-backed guard), declare your own "
                        + "IdempotencyGuard bean, or remove the idempotencyKey");
            }
        }
        MessagingListenerAdapter adapter = new MessagingListenerAdapter(endpoint, converter, guard, replies);
        int maxRetries = endpoint.maxRetries() != null ? endpoint.maxRetries()
                : consumerProperties.getMaxReconsumeTimes();
        ListenerErrorHandler errors = new ListenerErrorHandler(endpoint, maxRetries, classifier);
        boolean autoStartup = endpoint.autoStartup() != null ? endpoint.autoStartup()
                : listenerProperties.isAutoStartup();
        MQListenerEndpoint settings = endpoint;
        return new MQListenerContainer(endpoint, () -> consumerBuilder(settings, maxRetries), adapter, errors,
                metrics, autoStartup);
    }

    private MQListenerEndpoint withIdempotencyDecided(MQListenerEndpoint e) {
        if (e.idempotencyKey() == null || idempotencyEnabled) {
            return e;
        }
        LOG.warn("mq.idempotency.enabled=false: ignoring idempotencyKey '" + e.idempotencyKey() + "' of "
                + e.source());
        return new MQListenerEndpoint(e.id(), e.bean(), e.method(), e.source(), e.transactional(), e.topic(),
                e.group(), e.selector(), e.consumeMode(), e.messageModel(), e.concurrency(), e.maxRetries(), null,
                e.autoStartup());
    }

    /** A consumer builder with everything but the listener; called at every container start. */
    protected PushConsumer.Builder consumerBuilder(MQListenerEndpoint endpoint, int maxRetries) {
        ConsumerProperties c = consumerProperties;
        ClientConfig config = ClientConfigs.forRole(clientConfig, "listener-" + endpoint.id());
        int threads = endpoint.concurrency() != null ? endpoint.concurrency() : listenerProperties.getConcurrency();
        PushConsumer.Builder b = PushConsumer.builder().clientConfig(config).consumerGroup(endpoint.group())
                .subscribe(endpoint.topic(), endpoint.selector()).messageModel(endpoint.messageModel())
                .consumeFromWhere(c.getConsumeFromWhere()).consumeThreads(threads)
                .consumeMessageBatchMaxSize(1).pullBatchSize(c.getPullBatchSize())
                .pullThresholdForQueue(c.getPullThresholdForQueue()).pullMaxWait(c.getPullMaxWait())
                .rebalanceInterval(c.getRebalanceInterval()).persistInterval(c.getPersistInterval())
                .handoverDelay(c.getHandoverDelay()).suspendCurrentQueueTime(c.getSuspendCurrentQueueTime())
                .shutdownTimeout(listenerProperties.getShutdownTimeout()).instanceName(c.getInstanceName());
        if (endpoint.consumeMode() == ConsumeMode.CONCURRENTLY && endpoint.messageModel() == MessageModel.CLUSTERING) {
            // the broker's send-back applies the limit; orderly and broadcasting retries are counted here
            b.maxReconsumeTimes(maxRetries);
        }
        if (c.getOffsetStoreDir() != null) {
            b.offsetStoreDir(c.getOffsetStoreDir());
        }
        return b;
    }
}
