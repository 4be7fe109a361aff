/**
 * Consuming messages: {@link io.ternmq.client.consumer.PushConsumer} (the library pulls and calls a listener) and
 * {@link io.ternmq.client.consumer.PullConsumer} (the application pulls). The push consumer's collaborators are
 * package-private: RebalanceService, PullService, ProcessQueue, ConsumeService and the OffsetStores.
 */
package io.ternmq.client.consumer;
