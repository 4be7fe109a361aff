package io.ternmq.spring.transaction;

import io.ternmq.client.consumer.MessageExt;
import io.ternmq.client.producer.LocalTransactionState;

/**
 * Answers the broker's check-back of a half message in place of the transaction-log table. Declare one bean of this
 * type when the outcome of a local transaction is better known elsewhere (for example from the order row the
 * transaction wrote). Called on the transactional producer's check thread, possibly in another process of the same
 * producer group than the one that sent the message, and possibly more than once for one message.
 *
 * <pre>{@code
 * @Bean
 * MQTransactionChecker orderChecker(OrderRepository orders) {
 *     return half -> orders.existsByMessageKey(half.keys().get(0)) ? LocalTransactionState.COMMIT_MESSAGE : null;
 * }
 * }</pre>
 */
@FunctionalInterface
public interface MQTransactionChecker {
    /**
     * @param halfMessage the half message with its real topic; {@link MessageExt#msgId()} is the transaction id
     * @return COMMIT_MESSAGE, ROLLBACK_MESSAGE, UNKNOW (ask again later), or null to let the transaction-log table
     * answer
     */
    LocalTransactionState check(MessageExt halfMessage);
}
