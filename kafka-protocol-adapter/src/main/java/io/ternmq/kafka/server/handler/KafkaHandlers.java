package io.ternmq.kafka.server.handler;

import io.ternmq.broker.config.BrokerConfigKeys;
import io.ternmq.broker.core.BrokerCore;
import io.ternmq.kafka.codec.ApiKey;
import io.ternmq.kafka.sasl.SaslExchanges;
import io.ternmq.kafka.server.ApiHandlers;
import io.ternmq.kafka.server.LocalNode;

/**
 * Builds the handler table of the Kafka listener: one handler per API. Produce, Fetch, ListOffsets,
 * InitProducerId and the group APIs register here when their handlers exist; until then they are neither advertised
 * nor served.
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
        return table.register(ApiKey.API_VERSIONS, new ApiVersionsHandler(table))
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
