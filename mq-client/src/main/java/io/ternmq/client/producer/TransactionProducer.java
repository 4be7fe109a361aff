package io.ternmq.client.producer;

import io.ternmq.client.ClientConfig;
import io.ternmq.client.Message;
import io.ternmq.client.consumer.MessageExt;
import io.ternmq.client.remoting.RemotingClient;
import io.ternmq.protocol.command.Commands;
import io.ternmq.protocol.command.Transactions;
import io.ternmq.protocol.message.MessageProperties;
import io.ternmq.protocol.message.TransactionResolution;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Sends transactional messages: a half message the broker keeps invisible, then the local transaction, then
 * commit, roll back or unknown. When the second phase is unknown or lost, the broker asks a live producer of the
 * same group (this one or another process) through {@link TransactionListener#checkLocalTransaction}.
 *
 * <pre>{@code
 * try (TransactionProducer producer = TransactionProducer.builder().brokerAddress("127.0.0.1:10911")
 *         .producerGroup("pg-orders").transactionListener(listener).build()) {
 *     producer.start();
 *     TransactionSendResult r = producer.sendMessageInTransaction(Message.of("orders", "paid"), order);
 * }
 * }</pre>
 *
 * <p>A caller that runs its local transaction itself (for example one bound to a framework's transaction) uses the
 * two phases separately: {@link #sendHalf}, then {@link #endTransaction} with the outcome once the local
 * transaction committed or rolled back; the listener's {@code executeLocalTransaction} is then not used, but its
 * {@code checkLocalTransaction} still answers check-backs.
 *
 * <p>Use a producer group only for transactional messages of one application: check-backs go to any live member
 * of the group. Checks run on their own executor ({@code checkThreads}), so a slow check never holds up the
 * client's network callbacks for long: an answer slower than {@code checkTimeout} counts as UNKNOW.
 *
 * <p>Thread-safe.
 */
public final class TransactionProducer implements AutoCloseable {
    /** Property on the message handed to executeLocalTransaction: the transaction id (the UNIQ_KEY). */
    public static final String TRANSACTION_ID = "__transactionId__";
    private static final System.Logger LOG = System.getLogger(TransactionProducer.class.getName());

    private final Producer producer;
    private final TransactionListener listener;
    private final ExecutorService checkExecutor;
    private final Duration checkTimeout;

    private TransactionProducer(Builder b) {
        this.listener = Objects.requireNonNull(b.listener, "transactionListener");
        this.producer = b.producer.build();
        this.checkTimeout = b.checkTimeout;
        this.checkExecutor = Executors.newFixedThreadPool(b.checkThreads, r -> {
            Thread t = new Thread(r, "ternmq-tx-check-" + producer.producerGroup());
            t.setDaemon(true);
            return t;
        });
        producer.remoting().registerHandler(Commands.CHECK_TX, this::answerCheck);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Connects and registers the producer group with the broker, so check-backs can reach this producer. */
    public void start() {
        producer.start();
    }

    /**
     * Sends a half message, runs {@link TransactionListener#executeLocalTransaction} on this thread, and reports its
     * outcome with END_TX. If END_TX cannot be delivered, the broker checks back later.
     *
     * @throws io.ternmq.client.MQClientException when the half message was not stored (the local transaction
     *                                             did not run)
     */
    public TransactionSendResult sendMessageInTransaction(Message message, Object arg) {
        SendResult sent = sendHalf(message);
        LocalTransactionState state;
        try {
            state = listener.executeLocalTransaction(half(message).withProperty(TRANSACTION_ID, sent.msgId()), arg);
            state = state == null ? LocalTransactionState.UNKNOW : state;
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "local transaction " + sent.msgId() + " threw; the broker will "
                    + "check back", e);
            state = LocalTransactionState.UNKNOW;
        }
        boolean delivered = endTransaction(sent, state);
        return new TransactionSendResult(sent, state, sent.msgId(), delivered);
    }

    /**
     * Phase one on its own: sends {@code message} as a half message, which the broker stores but keeps from consumers
     * until {@link #endTransaction} (or a check-back) resolves it. For callers that run the local transaction
     * themselves, e.g. one bound to a framework's transaction: send the half, record {@link SendResult#msgId()} (the
     * transaction id) in the local transaction, then end the transaction with its outcome.
     * {@link TransactionListener#checkLocalTransaction} still answers the broker's check-backs.
     *
     * @return the half message's send result; {@link SendResult#msgId()} is the transaction id
     * @throws io.ternmq.client.MQClientException when the half message was not stored
     */
    public SendResult sendHalf(Message message) {
        return producer.send(half(message));
    }

    /**
     * Phase two: tells the broker to deliver ({@link LocalTransactionState#COMMIT_MESSAGE}) or discard
     * ({@link LocalTransactionState#ROLLBACK_MESSAGE}) the half message sent by {@link #sendHalf}, or that the
     * outcome is not known yet ({@link LocalTransactionState#UNKNOW}). Never throws when the END_TX is lost: the
     * broker then checks back, so a false return needs no action.
     *
     * @param half the result {@link #sendHalf} returned
     * @return true when the broker acknowledged the END_TX
     */
    public boolean endTransaction(SendResult half, LocalTransactionState state) {
        Objects.requireNonNull(half, "half");
        Objects.requireNonNull(state, "state");
        return endTransaction(half, state.resolution());
    }

    private Message half(Message message) {
        return message.withProperty(MessageProperties.TRANSACTION_PREPARED, "true")
                .withProperty(MessageProperties.PRODUCER_GROUP, producer.producerGroup());
    }

    private boolean endTransaction(SendResult sent, TransactionResolution resolution) {
        RemotingClient remoting = producer.remoting();
        try {
            remoting.invoke(Commands.END_TX, new Transactions.EndRequest(producer.producerGroup(), sent.msgId(),
                    sent.offsetMsgId(), resolution, false)).get(remoting.config().requestTimeout().toMillis(),
                    TimeUnit.MILLISECONDS);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            // RuntimeException: a request that could not even be written (e.g. the client is closing)
            LOG.log(System.Logger.Level.WARNING, "END_TX {0} for {1} not acknowledged; the broker will check back: "
                    + "{2}", resolution, sent.msgId(), e.getCause() != null ? e.getCause() : e);
            return false;
        }
    }

    private Transactions.CheckResponse answerCheck(Transactions.CheckRequest request) {
        if (!producer.producerGroup().equals(request.producerGroup())) {
            return new Transactions.CheckResponse(TransactionResolution.UNKNOWN);
        }
        MessageExt message = MessageExt.of(request.message());
        Future<LocalTransactionState> answer = checkExecutor.submit(() -> listener.checkLocalTransaction(message));
        try {
            LocalTransactionState state = answer.get(checkTimeout.toMillis(), TimeUnit.MILLISECONDS);
            return new Transactions.CheckResponse(state == null ? TransactionResolution.UNKNOWN : state.resolution());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            answer.cancel(true);
            LOG.log(System.Logger.Level.WARNING, "check of transaction {0} failed or was slow; answering UNKNOW: "
                    + "{1}", message.msgId(), e);
        }
        return new Transactions.CheckResponse(TransactionResolution.UNKNOWN);
    }

    public String producerGroup() {
        return producer.producerGroup();
    }

    /** Unregisters from the broker, closes the connection and stops the check executor. */
    @Override
    public void close() {
        producer.close();
        checkExecutor.shutdownNow();
    }

    /** Builder of {@link TransactionProducer}; not thread-safe. */
    public static final class Builder {
        private final Producer.Builder producer = Producer.builder();
        private TransactionListener listener;
        private int checkThreads = 1;
        private Duration checkTimeout = Duration.ofSeconds(3);

        private Builder() {
        }

        public Builder brokerAddress(String brokerAddress) {
            producer.brokerAddress(brokerAddress);
            return this;
        }

        public Builder clientConfig(ClientConfig config) {
            producer.clientConfig(config);
            return this;
        }

        /** The group check-backs are addressed to; use it for this application's transactions only. */
        public Builder producerGroup(String producerGroup) {
            producer.producerGroup(producerGroup);
            return this;
        }

        public Builder sendTimeout(Duration sendTimeout) {
            producer.sendTimeout(sendTimeout);
            return this;
        }

        /** Required: runs and checks local transactions. */
        public Builder transactionListener(TransactionListener listener) {
            this.listener = listener;
            return this;
        }

        /** Threads that run {@link TransactionListener#checkLocalTransaction} (default 1). */
        public Builder checkThreads(int threads) {
            if (threads < 1) {
                throw new IllegalArgumentException("checkThreads must be at least 1");
            }
            this.checkThreads = threads;
            return this;
        }

        /** Longest a check may take before it is answered UNKNOW (default 3 s; the broker waits at most 5 s). */
        public Builder checkTimeout(Duration timeout) {
            this.checkTimeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        public TransactionProducer build() {
            return new TransactionProducer(this);
        }
    }
}
