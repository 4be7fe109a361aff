package io.ternmq.kafka.server;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

/**
 * This broker as a Kafka cluster of one: node id {@value #NODE_ID} (leader of every partition, the controller and
 * every group's coordinator), its advertised host and port, and a cluster id. The port is known once the listener is
 * bound ({@link #bound}).
 *
 * <p>The cluster id is derived from the broker name, so it stays the same across restarts (librdkafka warns when it
 * changes) and is never null (ksqlDB and others need one). Thread-safe: the port is published once, volatile.
 */
public final class LocalNode {
    /** The node id of this broker. */
    public static final int NODE_ID = 0;

    private final String host;
    private final int configuredPort;
    private final String clusterId;
    private volatile int port = -1;

    /**
     * @param host           the advertised host
     * @param configuredPort {@code kafkaAdvertisedPort}; 0 = the bound port
     * @param brokerName     the broker's name, which the cluster id is derived from
     */
    public LocalNode(String host, int configuredPort, String brokerName) {
        this.host = host;
        this.configuredPort = configuredPort;
        this.clusterId = clusterIdOf(brokerName);
    }

    /** Publishes the bound port. */
    public void bound(int boundPort) {
        this.port = configuredPort > 0 ? configuredPort : boundPort;
    }

    public String host() {
        return host;
    }

    /** The advertised port. */
    public int port() {
        if (port < 0) {
            throw new IllegalStateException("the Kafka listener is not bound yet");
        }
        return port;
    }

    public String clusterId() {
        return clusterId;
    }

    /** 22 characters of URL-safe base64 of a name-based UUID, the shape of Kafka's cluster ids. */
    static String clusterIdOf(String brokerName) {
        UUID uuid = UUID.nameUUIDFromBytes(("ternmq:" + brokerName).getBytes(StandardCharsets.UTF_8));
        ByteBuffer bytes = ByteBuffer.allocate(16).putLong(uuid.getMostSignificantBits())
                .putLong(uuid.getLeastSignificantBits());
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes.array());
    }
}
