package io.ternmq.protocol.message;

import io.ternmq.protocol.codec.WireReader;
import io.ternmq.protocol.codec.WireWriter;

import java.util.Map;

/**
 * A stored message as the broker returns it. Wire layout: {@code string topic, int32 queueId, int64 queueOffset,
 * int64 commitLogOffset, string messageId, int64 storeTimestamp, int64 bornTimestamp, string bornHost,
 * string storeHost, int32 flag, int32 sysFlag, int32 reconsumeTimes, map properties, bytes body}.
 */
public record MessageView(String topic, int queueId, long queueOffset, long commitLogOffset, String messageId,
                          long storeTimestamp, long bornTimestamp, String bornHost, String storeHost, int flag,
                          int sysFlag, int reconsumeTimes, Map<String, String> properties, byte[] body) {

    public static final int MIN_SIZE = 2 + 4 + 8 + 8 + 2 + 8 + 8 + 2 + 2 + 4 + 4 + 4 + 4 + 4;

    public String tags() {
        return properties.get(MessageProperties.TAGS);
    }

    public String keys() {
        return properties.get(MessageProperties.KEYS);
    }

    /** The client-generated id when there is one, else the broker id. */
    public String uniqueId() {
        String uniq = properties.get(MessageProperties.UNIQ_KEY);
        return uniq != null ? uniq : messageId;
    }

    public void encode(WireWriter out) {
        out.string(topic).int32(queueId).int64(queueOffset).int64(commitLogOffset).string(messageId)
                .int64(storeTimestamp).int64(bornTimestamp).string(bornHost).string(storeHost).int32(flag)
                .int32(sysFlag).int32(reconsumeTimes).map(properties).bytes(body);
    }

    public static MessageView decode(WireReader in) {
        return new MessageView(in.requiredString("topic"), in.int32(), in.int64(), in.int64(), in.string(),
                in.int64(), in.int64(), in.string(), in.string(), in.int32(), in.int32(), in.int32(), in.map(),
                in.bytes());
    }
}
