package io.ternmq.kafka.server.handler;

import io.ternmq.kafka.codec.KafkaError;
import io.ternmq.kafka.codec.Struct;
import io.ternmq.kafka.codec.api.DescribeClusterApi.Response;
import io.ternmq.kafka.server.ApiHandler;
import io.ternmq.kafka.server.LocalNode;
import io.ternmq.kafka.server.RequestContext;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * DescribeCluster (60): the cluster id, this broker as the only broker and the controller. Asked for controllers
 * (endpoint type 2, v1), it answers the same node: it plays both roles.
 */
public final class DescribeClusterHandler implements ApiHandler {
    private final LocalNode node;

    public DescribeClusterHandler(LocalNode node) {
        this.node = node;
    }

    @Override
    public CompletableFuture<Struct> handle(RequestContext context, Struct request) {
        Struct broker = new Struct(Response.DescribeClusterBroker.SCHEMA)
                .set(Response.DescribeClusterBroker.BROKER_ID, LocalNode.NODE_ID)
                .set(Response.DescribeClusterBroker.HOST, node.host())
                .set(Response.DescribeClusterBroker.PORT, node.port());
        return CompletableFuture.completedFuture(new Struct(Response.SCHEMA)
                .set(Response.THROTTLE_TIME_MS, 0)
                .set(Response.ERROR_CODE, KafkaError.NONE.code())
                .set(Response.ENDPOINT_TYPE, request.get(io.ternmq.kafka.codec.api.DescribeClusterApi.Request.ENDPOINT_TYPE))
                .set(Response.CLUSTER_ID, node.clusterId())
                .set(Response.CONTROLLER_ID, LocalNode.NODE_ID)
                .set(Response.BROKERS, List.of(broker)));
    }
}
