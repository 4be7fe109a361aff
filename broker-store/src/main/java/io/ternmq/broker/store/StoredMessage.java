package io.ternmq.broker.store;

import java.util.Map;

/**
 * A message read back from the store, with its position.
 *
 * @param topic           topic
 * @param queueId         queue id
 * @param queueOffset     this message's own queue offset (batches: base offset + index)
 * @param commitLogOffset position of the CommitLog entry that holds it
 * @param messageId       broker message id: encodes the CommitLog position and the index inside the entry
 * @param storeTimestamp  when the broker stored it, epoch ms
 * @param bornTimestamp   when the producer created it, epoch ms
 * @param bornHost        producer address, {@code host:port}
 * @param storeHost       broker address, {@code host:port}
 * @param flag            user flag
 * @param sysFlag         system flags
 * @param reconsumeTimes  redelivery count
 * @param properties      properties
 * @param body            payload
 */
public record StoredMessage(String topic, int queueId, long queueOffset, long commitLogOffset, String messageId,
                            long storeTimestamp, long bornTimestamp, String bornHost, String storeHost, int flag,
                            int sysFlag, int reconsumeTimes, Map<String, String> properties, byte[] body) {

    public String tags() {
        return properties.get(MessageProperty.TAGS);
    }

    public String keys() {
        return properties.get(MessageProperty.KEYS);
    }
}
