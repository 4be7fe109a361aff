package io.ternmq.broker.store.commitlog;

import java.util.Map;

/** One message block of a {@link DecodedRecord}. */
public record DecodedMessage(long bornTimestamp, int flag, int sysFlag, int reconsumeTimes, String bornHost,
                             Map<String, String> properties, byte[] body) {
}
