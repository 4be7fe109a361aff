package io.ternmq.kafka.producer;

import java.util.concurrent.CompletableFuture;

/**
 * The judgement of one batch.
 *
 * @param outcome what happened
 * @param result  for APPEND the store's append; for DUPLICATE the original batch's placement (already known, or
 *                completed when the original's append completes; it fails if the original's append failed, and the
 *                client should then retry); null for the errors
 */
public record SequenceDecision(SequenceOutcome outcome, CompletableFuture<AppendedBatch> result) {

    static SequenceDecision error(SequenceOutcome outcome) {
        return new SequenceDecision(outcome, null);
    }
}
