package io.ternmq.broker.tx;

import io.ternmq.broker.client.ClientConnection;
import io.ternmq.broker.store.StoredMessage;
import io.ternmq.protocol.message.TransactionResolution;

import java.util.concurrent.CompletableFuture;

/**
 * Sends one check-back to one producer connection, in whatever protocol that connection speaks (the native
 * protocol's is CHECK_TX). Keeps the transaction core free of remoting classes.
 */
@FunctionalInterface
public interface CheckBackSender {
    /**
     * @param producer   a live member of the half message's producer group
     * @param half       the stored half message
     * @param info       its parsed transaction fields
     * @param checkTimes this is check-back number {@code checkTimes}
     * @param timeoutMs  how long to wait for the answer
     * @return the producer's answer; fails on timeout, a closed connection or an error response
     */
    CompletableFuture<TransactionResolution> check(ClientConnection producer, StoredMessage half, HalfMessage info,
                                                   int checkTimes, long timeoutMs);
}
