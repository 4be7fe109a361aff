package io.ternmq.kafka.mapping;

import io.ternmq.broker.store.AppendRequest;

/**
 * The result of {@link RecordsToDrafts#toAppendRequest}.
 *
 * @param status        MAPPED, or why not
 * @param request       the append (one batch entry, one message per record); null unless MAPPED
 * @param failedRecord  index of the first record that could not be mapped; -1 when MAPPED
 * @param detail        human-readable reason for the error message; empty when MAPPED
 */
public record DraftMapping(MappingStatus status, AppendRequest request, int failedRecord, String detail) {
    static DraftMapping mapped(AppendRequest request) {
        return new DraftMapping(MappingStatus.MAPPED, request, -1, "");
    }

    static DraftMapping failed(MappingStatus status, int record, String detail) {
        return new DraftMapping(status, null, record, detail);
    }
}
