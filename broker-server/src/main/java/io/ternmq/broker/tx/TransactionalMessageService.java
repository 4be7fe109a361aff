package io.ternmq.broker.tx;

import io.ternmq.broker.message.AppendOutcome;
import io.ternmq.broker.message.MessageService;
import io.ternmq.broker.store.AppendRequest;
import io.ternmq.broker.store.AppendResult;
import io.ternmq.broker.store.AppendStatus;
import io.ternmq.broker.store.MessageDraft;
import io.ternmq.broker.store.StoredMessage;
import io.ternmq.broker.topic.TopicCheck;
import io.ternmq.broker.topic.TopicConfig;
import io.ternmq.broker.topic.TopicRegistry;
import io.ternmq.protocol.message.MessageProperties;
import io.ternmq.protocol.message.TransactionResolution;
import io.ternmq.protocol.message.TransactionState;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Transactional (half) messages: stores them invisibly, commits or rolls them back, and parks the ones nobody
 * resolves. Check-backs are driven by {@link CheckBackRunner}; start-up state comes from
 * {@link TransactionStateLoader}.
 *
 * <p><b>Durable state.</b> A half message is stored in {@link TransactionTopics#HALF_TOPIC} (queue 0) with its real
 * topic and queue in properties. Every later event is one small {@link OpRecord} in
 * {@link TransactionTopics#OP_TOPIC}: CHECK (with the running count), PARKED, COMMIT, ROLLBACK. Memory
 * ({@link TransactionTable}) is only a cache rebuilt from those two topics.
 *
 * <p><b>Commit order and crash matrix.</b> A commit first appends the real message (carrying
 * {@code TRAN_HALF_MSG_ID}), then the COMMIT op record. The CommitLog is one sequential log and recovery keeps its
 * longest valid prefix, so a surviving COMMIT record implies a surviving real message.
 * <ul>
 *   <li>crash before the half message is stored: the producer got no SEND_OK, nothing to resolve;</li>
 *   <li>crash after the half message, before any END_TX: pending after restart, checked back;</li>
 *   <li>crash after the real message, before the COMMIT record: at start-up {@link CommittedMessageProbe} finds
 *       the real message by its half id and writes the missing COMMIT record, so a later COMMIT (from a check or a
 *       retried END_TX) stores nothing: exactly once;</li>
 *   <li>crash after the COMMIT record: committed; a repeated COMMIT answers COMMITTED and stores nothing;</li>
 *   <li>crash after a CHECK record, before the check was sent or answered: the count survives (never reset to
 *       zero), the next check comes after restart;</li>
 *   <li>crash after the parked copy, before the PARKED record: parked again after restart (a second copy in
 *       {@link TransactionTopics#PARKED_TOPIC}; the copies are informational, the op record is the state).</li>
 * </ul>
 * A SYNC_FLUSH {@code FLUSH_DISK_TIMEOUT} on the real message counts as written (it is in the log), so the commit
 * goes on to its op record instead of storing the message again later.
 *
 * <p>Thread-safe: transaction state changes happen under the {@link TransactionTable}'s lock; store writes run
 * outside it and complete asynchronously.
 */
public final class TransactionalMessageService {
    private static final System.Logger LOG = System.getLogger(TransactionalMessageService.class.getName());
    private static final int MAX_RESOLVED_REMEMBERED = 100_000;

    private final MessageService messages;
    private final TopicRegistry topics;
    private final Clock clock;
    private final TransactionSettings settings;
    private final TransactionTable table = new TransactionTable(MAX_RESOLVED_REMEMBERED);
    private volatile boolean systemTopicsReady;

    public TransactionalMessageService(MessageService messages, TopicRegistry topics, Clock clock,
                                       TransactionSettings settings) {
        this.messages = messages;
        this.topics = topics;
        this.clock = clock;
        this.settings = settings;
    }

    /** Creates the system topics on the first half message (even with autoCreateTopicEnable off). */
    private void ensureSystemTopics() {
        if (systemTopicsReady) {
            return;
        }
        synchronized (topics) {
            for (String system : List.of(TransactionTopics.HALF_TOPIC, TransactionTopics.OP_TOPIC,
                    TransactionTopics.PARKED_TOPIC)) {
                if (topics.get(system).isEmpty()) {
                    topics.put(new TopicConfig(system, 1, TopicConfig.PERM_READ_WRITE, false));
                }
            }
        }
        systemTopicsReady = true;
    }

    /** Rebuilds pending state from the store and repairs commits a crash interrupted. Call once, before serving. */
    public void recover(boolean messageIndexEnabled) {
        new TransactionStateLoader(messages.store(), this, clock, settings, messageIndexEnabled).load();
    }

    /**
     * Stores a half message sent with {@code TRAN_MSG=true}. The result's only message id is the half message id.
     *
     * @param sent          the producer's request, addressed to the real topic and queue
     * @param producerGroup the request's producer group (the message's PGROUP property wins)
     */
    public CompletableFuture<AppendOutcome> prepare(AppendRequest sent, String producerGroup) {
        if (sent.messages().size() != 1) {
            return illegal("a transactional message cannot be sent in a batch");
        }
        MessageDraft message = sent.messages().get(0);
        String group = message.properties().getOrDefault(MessageProperties.PRODUCER_GROUP, producerGroup);
        if (group == null || group.isEmpty()) {
            return illegal("a transactional message needs a producer group");
        }
        if (TransactionTopics.isSystemTopic(sent.topic())) {
            return illegal("topic " + sent.topic() + " is reserved for transactions");
        }
        TopicCheck check = topics.checkWrite(sent.topic(), sent.queueId());
        if (check != TopicCheck.OK) {
            return CompletableFuture.completedFuture(AppendOutcome.rejected(check));
        }
        ensureSystemTopics();
        MessageDraft half = HalfMessage.toHalf(message, sent.topic(), sent.queueId(), group,
                UUID.randomUUID().toString().replace("-", "").toUpperCase());
        AppendRequest request = new AppendRequest(TransactionTopics.HALF_TOPIC, 0, List.of(half), sent.bornHost());
        return messages.append(request).thenApply(outcome -> {
            if (outcome.ok()) {
                AppendResult r = outcome.result();
                HalfMessage stored = new HalfMessage(r.messageIds().get(0), group,
                        half.properties().get(MessageProperties.UNIQ_KEY), sent.topic(), sent.queueId(),
                        r.storeTimestamp(), HalfMessage.immunityMs(half.properties(), settings.timeoutMs()));
                table.addPending(new PendingTransaction(stored, 0, stored.firstCheckAt(), false));
            }
            return outcome;
        });
    }

    private static CompletableFuture<AppendOutcome> illegal(String why) {
        return CompletableFuture.completedFuture(new AppendOutcome(TopicCheck.OK,
                AppendResult.rejected(AppendStatus.MESSAGE_ILLEGAL, why)));
    }

    /**
     * Applies a producer's (or an operator's, or a check-back's) resolution. Idempotent: repeating a finished
     * resolution answers its state and stores nothing; UNKNOWN changes nothing.
     */
    public CompletableFuture<EndOutcome> end(String producerGroup, String halfId, TransactionResolution resolution) {
        PendingTransaction tx;
        CompletableFuture<TransactionState> work;
        int checkTimes;
        synchronized (table) {
            tx = table.pending(halfId);
            if (tx == null) {
                TransactionState done = table.resolvedState(halfId);
                if (done == null) {
                    return failed(EndStatus.NOT_FOUND, "no pending transaction with half message id " + halfId);
                }
                return agrees(resolution, done) ? CompletableFuture.completedFuture(EndOutcome.ok(done))
                        : failed(EndStatus.CONFLICT, "transaction " + halfId + " is already " + done);
            }
            if (!tx.half.producerGroup().equals(producerGroup)) {
                return failed(EndStatus.GROUP_MISMATCH, "half message " + halfId + " belongs to producer group "
                        + tx.half.producerGroup() + ", not " + producerGroup);
            }
            if (resolution == TransactionResolution.UNKNOWN) {
                return CompletableFuture.completedFuture(EndOutcome.ok(tx.state()));
            }
            if (tx.resolving != null) {
                return tx.resolvingAs == resolution ? tx.resolving.handle(TransactionalMessageService::outcome)
                        : failed(EndStatus.CONFLICT, "transaction " + halfId + " is being resolved as "
                        + tx.resolvingAs);
            }
            work = new CompletableFuture<>();
            tx.resolving = work;
            tx.resolvingAs = resolution;
            checkTimes = tx.checkTimes;
        }
        PendingTransaction resolvingTx = tx;
        CompletableFuture<TransactionState> stored = resolution == TransactionResolution.COMMIT
                ? commit(tx.half, checkTimes) : appendOpOrFail(new OpRecord(OpKind.ROLLBACK, halfId, checkTimes))
                .thenApply(ok -> TransactionState.ROLLED_BACK);
        stored.whenComplete((state, error) -> {
            synchronized (table) {
                if (error == null) {
                    table.markResolved(halfId, state);
                } else {
                    resolvingTx.resolving = null;
                    resolvingTx.resolvingAs = null;
                }
            }
            if (error == null) {
                LOG.log(System.Logger.Level.DEBUG, "transaction {0} {1}", halfId, state);
                work.complete(state);
            } else {
                LOG.log(System.Logger.Level.WARNING, "cannot resolve transaction " + halfId + " as " + resolution
                        + "; it stays pending: " + reason(error));
                work.completeExceptionally(error);
            }
        });
        return work.handle(TransactionalMessageService::outcome);
    }

    private CompletableFuture<TransactionState> commit(HalfMessage half, int checkTimes) {
        Optional<StoredMessage> stored = messages.store().queryById(half.halfId());
        if (stored.isEmpty()) {
            return CompletableFuture.failedFuture(new IllegalStateException("half message " + half.halfId()
                    + " is no longer in the store (retention)"));
        }
        AppendRequest real = new AppendRequest(half.realTopic(), half.realQueueId(),
                List.of(HalfMessage.toReal(stored.get())), stored.get().bornHost());
        return messages.append(real).thenCompose(outcome -> {
            if (!writtenToLog(outcome)) {
                throw new IllegalStateException("cannot store the committed message: " + describe(outcome));
            }
            return appendOp(new OpRecord(OpKind.COMMIT, half.halfId(), checkTimes)).handle((op, error) -> {
                if (error != null || !writtenToLog(op)) {
                    LOG.log(System.Logger.Level.WARNING, "transaction {0} committed, but its COMMIT record was not "
                            + "stored; start-up recovery will write it", half.halfId());
                }
                return TransactionState.COMMITTED;
            });
        });
    }

    /**
     * Parks a half message still unknown after transactionCheckMax check-backs: a copy goes to
     * {@link TransactionTopics#PARKED_TOPIC} for operators, then the PARKED record. Check-backs stop; END_TX still
     * resolves it.
     */
    CompletableFuture<Void> park(PendingTransaction tx, StoredMessage half, int checkTimes) {
        AppendRequest copy = AppendRequest.single(TransactionTopics.PARKED_TOPIC, 0,
                HalfMessage.toParked(half, checkTimes));
        return messages.append(copy)
                .thenCompose(outcome -> {
                    if (!writtenToLog(outcome)) {
                        throw new IllegalStateException("cannot store the parked copy: " + describe(outcome));
                    }
                    return appendOpOrFail(new OpRecord(OpKind.PARKED, tx.half.halfId(), checkTimes));
                })
                .thenAccept(ok -> {
                    synchronized (table) {
                        tx.parked = true;
                    }
                    LOG.log(System.Logger.Level.WARNING, "transaction {0} of producer group {1} is still unknown "
                                    + "after {2} check-backs; parked in {3} for an operator", tx.half.halfId(),
                            tx.half.producerGroup(), checkTimes, TransactionTopics.PARKED_TOPIC);
                });
    }

    /** Appends one op record. */
    CompletableFuture<AppendOutcome> appendOp(OpRecord op) {
        return messages.append(AppendRequest.single(TransactionTopics.OP_TOPIC, 0, op.toDraft(clock.millis())));
    }

    CompletableFuture<Void> appendOpOrFail(OpRecord op) {
        return appendOp(op).thenAccept(outcome -> {
            if (!writtenToLog(outcome)) {
                throw new IllegalStateException("cannot store the " + op.kind() + " record: " + describe(outcome));
            }
        });
    }

    /** Stored, or at least in the log (a SYNC_FLUSH timeout): writing it again would duplicate it. */
    private static boolean writtenToLog(AppendOutcome outcome) {
        return outcome.ok() || (outcome.result() != null
                && outcome.result().status() == AppendStatus.FLUSH_DISK_TIMEOUT);
    }

    private static String describe(AppendOutcome outcome) {
        if (outcome.topicCheck() != TopicCheck.OK) {
            return "topic check " + outcome.topicCheck();
        }
        AppendResult r = outcome.result();
        return r.status() + (r.errorMessage() == null ? "" : ": " + r.errorMessage());
    }

    private static boolean agrees(TransactionResolution resolution, TransactionState state) {
        return resolution == TransactionResolution.UNKNOWN
                || (resolution == TransactionResolution.COMMIT && state == TransactionState.COMMITTED)
                || (resolution == TransactionResolution.ROLLBACK && state == TransactionState.ROLLED_BACK);
    }

    private static EndOutcome outcome(TransactionState state, Throwable error) {
        return error == null ? EndOutcome.ok(state) : EndOutcome.failed(EndStatus.STORE_FAILED, reason(error));
    }

    private static CompletableFuture<EndOutcome> failed(EndStatus status, String message) {
        return CompletableFuture.completedFuture(EndOutcome.failed(status, message));
    }

    static String reason(Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        return cause.getMessage() != null ? cause.getMessage() : cause.toString();
    }

    TransactionTable table() {
        return table;
    }

    MessageService messages() {
        return messages;
    }

    Clock clock() {
        return clock;
    }

    TransactionSettings settings() {
        return settings;
    }

    /** Half messages waiting for a resolution or a check-back (parked ones not included). */
    public int pendingCount() {
        return table.pendingCount();
    }

    /** Half messages parked after transactionCheckMax check-backs, waiting for an operator. */
    public List<HalfMessage> parked() {
        return table.parked();
    }

    /** Unresolved (pending or parked) half messages of one producer group, or of all when null; oldest first. */
    public List<UnresolvedTransaction> unresolved(String producerGroup) {
        return table.unresolved(producerGroup);
    }

    /** The state of a half message: pending, parked, or (if still remembered) how it was resolved; null if unknown. */
    public TransactionState state(String halfId) {
        synchronized (table) {
            PendingTransaction tx = table.pending(halfId);
            return tx != null ? tx.state() : table.resolvedState(halfId);
        }
    }
}
