package io.ternmq.client.consumer;

import java.util.List;

/**
 * Consumes messages delivered by a {@link PushConsumer}. Called concurrently from the consume threads; messages of
 * one queue may be handled in parallel (no order guarantee within a call's neighbours). Throwing counts as
 * {@link ConsumeStatus#RECONSUME_LATER}.
 */
@FunctionalInterface
public interface MessageListener {
    ConsumeStatus consume(List<MessageExt> messages, ConsumeContext context);
}
