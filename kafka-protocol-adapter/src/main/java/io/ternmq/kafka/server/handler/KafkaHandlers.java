package io.ternmq.kafka.server.handler;

import io.netty.buffer.PooledByteBufAllocator;
import io.ternmq.broker.config.BrokerConfigKeys;
import io.ternmq.broker.core.BrokerCore;
import io.ternmq.kafka.codec.ApiKey;
import io.ternmq.kafka.sasl.SaslExchanges;
import io.ternmq.kafka.server.ApiHandlers;
import io.ternmq.kafka.server.GroupCoordinatorRuntime;
import io.ternmq.kafka.server.LocalNode;
import io.ternmq.kafka.server.data.KafkaDataPath;

/**
 * Builds the handler table of the Kafka listener: one handler per API. The data path (Produce, Fetch, ListOffsets,
 * InitProducerId) shares a {@link KafkaDataPath}, the group APIs ({@link GroupHandlers}) a group coordinator
 * ({@link GroupCoordinatorRuntime}); both are closed with the table.
 */
public final class KafkaHandlers {
    private KafkaHandlers() {
    }

    /**
     * @param core      the broker
     * @param node      this node's advertised identity
     * @param exchanges SASL mechanisms, or null when the listener has no SASL
     */
    public static ApiHandlers create(BrokerCore core, LocalNode node, SaslExchanges exchanges) {
        ApiHandlers table = new ApiHandlers();
        KafkaDataPath data = KafkaDataPath.open(core);
        table.closeWith(data);
        GroupCoordinatorRuntime groups = GroupCoordinatorRuntime.start(core);
        GroupHandlers.register(table.closeWith(groups), groups.coordinator(), core.topics());
        return table.register(ApiKey.API_VERSIONS, new ApiVersionsHandler(table))
                .register(ApiKey.PRODUCE, new ProduceHandler(core, data.producerStates(), data.visibilityWaits(),
                        data.maxMessageSize()))
                .register(ApiKey.FETCH, new FetchHandler(core, data.fetchWaiters(), data.fetchMaxWaitCapMs(),
                        PooledByteBufAllocator.DEFAULT, data.fetchThreads()))
                .register(ApiKey.LIST_OFFSETS, new ListOffsetsHandler(core))
                .register(ApiKey.INIT_PRODUCER_ID, new InitProducerIdHandler(data.producerIds()))
                .register(ApiKey.SASL_HANDSHAKE, new SaslHandshakeHandler(exchanges))
                .register(ApiKey.SASL_AUTHENTICATE, new SaslAuthenticateHandler())
                .register(ApiKey.METADATA, new MetadataHandler(core.topics(), node))
                .register(ApiKey.FIND_COORDINATOR, new FindCoordinatorHandler(node))
                .register(ApiKey.DESCRIBE_CLUSTER, new DescribeClusterHandler(node))
                .register(ApiKey.CREATE_TOPICS, new CreateTopicsHandler(core.topics(),
                        core.config().get(BrokerConfigKeys.DEFAULT_TOPIC_QUEUE_NUMS)))
                .register(ApiKey.DELETE_TOPICS, new DeleteTopicsHandler(core))
                .register(ApiKey.CREATE_PARTITIONS, new CreatePartitionsHandler(core.topics()))
                .register(ApiKey.DESCRIBE_CONFIGS, new DescribeConfigsHandler(core.topics(), core.config()));
    }
}
