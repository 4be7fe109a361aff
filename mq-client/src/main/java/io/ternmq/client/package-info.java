/**
 * The native TernMQ client: {@link io.ternmq.client.ClientConfig}, {@link io.ternmq.client.Message},
 * {@link io.ternmq.client.MessageQueue} and the exception hierarchy rooted at
 * {@link io.ternmq.client.MQClientException}. Producers, consumers and the admin client live in the sub-packages.
 */
package io.ternmq.client;
