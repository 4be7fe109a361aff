package io.ternmq.kafka.codec;

import io.ternmq.kafka.codec.api.ApiVersionsApi;
import io.ternmq.kafka.codec.api.CreatePartitionsApi;
import io.ternmq.kafka.codec.api.CreateTopicsApi;
import io.ternmq.kafka.codec.api.DeleteGroupsApi;
import io.ternmq.kafka.codec.api.DeleteTopicsApi;
import io.ternmq.kafka.codec.api.DescribeClusterApi;
import io.ternmq.kafka.codec.api.DescribeConfigsApi;
import io.ternmq.kafka.codec.api.DescribeGroupsApi;
import io.ternmq.kafka.codec.api.FetchApi;
import io.ternmq.kafka.codec.api.FindCoordinatorApi;
import io.ternmq.kafka.codec.api.HeartbeatApi;
import io.ternmq.kafka.codec.api.InitProducerIdApi;
import io.ternmq.kafka.codec.api.JoinGroupApi;
import io.ternmq.kafka.codec.api.LeaveGroupApi;
import io.ternmq.kafka.codec.api.ListGroupsApi;
import io.ternmq.kafka.codec.api.ListOffsetsApi;
import io.ternmq.kafka.codec.api.MetadataApi;
import io.ternmq.kafka.codec.api.OffsetCommitApi;
import io.ternmq.kafka.codec.api.OffsetDeleteApi;
import io.ternmq.kafka.codec.api.OffsetFetchApi;
import io.ternmq.kafka.codec.api.ProduceApi;
import io.ternmq.kafka.codec.api.SaslAuthenticateApi;
import io.ternmq.kafka.codec.api.SaslHandshakeApi;
import io.ternmq.kafka.codec.api.SyncGroupApi;

/**
 * The Kafka APIs this broker serves, with the version range each advertises in ApiVersions. Anything not listed here
 * (transactions, KIP-848, telemetry, ...) is not advertised, so clients do not send it; a request for it is an
 * unknown API key.
 *
 * <p>The advertised ranges are the phase-1 set of {@code kafka-compat.md} §1.2: non-flexible except ApiVersions v3
 * and DescribeCluster, and keeping the low minimums librdkafka probes for (§1.4). Produce advertises 0-7 but only
 * v3-7 are accepted: librdkafka ≤2.11 disables gzip/snappy/lz4 unless Produce v0 is in range, and Kafka 4
 * advertises-but-rejects v0-2 the same way.
 */
public enum ApiKey {
    PRODUCE(ProduceApi.SPEC, 0, 7),
    FETCH(FetchApi.SPEC, 4, 11),
    LIST_OFFSETS(ListOffsetsApi.SPEC, 1, 5),
    METADATA(MetadataApi.SPEC, 0, 8),
    OFFSET_COMMIT(OffsetCommitApi.SPEC, 2, 7),
    OFFSET_FETCH(OffsetFetchApi.SPEC, 1, 5),
    FIND_COORDINATOR(FindCoordinatorApi.SPEC, 0, 2),
    JOIN_GROUP(JoinGroupApi.SPEC, 0, 5),
    HEARTBEAT(HeartbeatApi.SPEC, 0, 3),
    LEAVE_GROUP(LeaveGroupApi.SPEC, 0, 3),
    SYNC_GROUP(SyncGroupApi.SPEC, 0, 3),
    DESCRIBE_GROUPS(DescribeGroupsApi.SPEC, 0, 4),
    LIST_GROUPS(ListGroupsApi.SPEC, 0, 2),
    SASL_HANDSHAKE(SaslHandshakeApi.SPEC, 0, 1),
    API_VERSIONS(ApiVersionsApi.SPEC, 0, 3),
    CREATE_TOPICS(CreateTopicsApi.SPEC, 2, 4),
    DELETE_TOPICS(DeleteTopicsApi.SPEC, 1, 3),
    INIT_PRODUCER_ID(InitProducerIdApi.SPEC, 0, 1),
    DESCRIBE_CONFIGS(DescribeConfigsApi.SPEC, 1, 3),
    SASL_AUTHENTICATE(SaslAuthenticateApi.SPEC, 0, 1),
    CREATE_PARTITIONS(CreatePartitionsApi.SPEC, 0, 1),
    DELETE_GROUPS(DeleteGroupsApi.SPEC, 0, 1),
    OFFSET_DELETE(OffsetDeleteApi.SPEC, 0, 0),
    DESCRIBE_CLUSTER(DescribeClusterApi.SPEC, 0, 1);

    private static final ApiKey[] BY_ID = new ApiKey[128];

    static {
        for (ApiKey key : values()) {
            if (BY_ID[key.id()] != null) {
                throw new ExceptionInInitializerError("duplicate api key " + key.id());
            }
            BY_ID[key.id()] = key;
        }
    }

    private final ApiSpec spec;
    private final VersionRange advertised;

    ApiKey(ApiSpec spec, int advertisedMin, int advertisedMax) {
        this.spec = spec;
        this.advertised = VersionRange.between(advertisedMin, advertisedMax);
        if (!spec.validVersions().contains(advertisedMax)) {
            throw new ExceptionInInitializerError(spec.name() + " advertises v" + advertisedMax
                    + " beyond its schemas " + spec.validVersions());
        }
    }

    /** The key with this id, or null if we do not serve it. */
    public static ApiKey forId(int id) {
        return id >= 0 && id < BY_ID.length ? BY_ID[id] : null;
    }

    public short id() {
        return spec.apiKey();
    }

    /** Kafka's name, e.g. {@code "Produce"}. */
    public String apiName() {
        return spec.name();
    }

    public ApiSpec spec() {
        return spec;
    }

    public short advertisedMin() {
        return advertised.lowest();
    }

    public short advertisedMax() {
        return advertised.highest();
    }

    /** Whether a request of this version is decoded and served (advertised and described by the schemas). */
    public boolean isSupported(int version) {
        return advertised.contains(version) && spec.validVersions().contains(version);
    }

    /** The first flexible version, or -1 if none. */
    public short flexibleFrom() {
        VersionRange flexible = spec.flexibleVersions();
        return flexible.isEmpty() ? -1 : flexible.lowest();
    }

    public boolean isFlexible(int version) {
        return spec.isFlexible(version);
    }

    /** Request header v2 for flexible versions, else v1 (client_id is never compact). */
    public short requestHeaderVersion(int version) {
        return (short) (isFlexible(version) ? 2 : 1);
    }

    /** Response header v1 for flexible versions, else v0; ApiVersions always v0 so any client can read it. */
    public short responseHeaderVersion(int version) {
        return (short) (this != API_VERSIONS && isFlexible(version) ? 1 : 0);
    }
}
