/** Sending messages: {@link io.ternmq.client.producer.Producer} and its results. */
package io.ternmq.client.producer;
