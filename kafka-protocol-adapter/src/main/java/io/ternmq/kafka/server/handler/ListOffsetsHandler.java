package io.ternmq.kafka.server.handler;

import io.ternmq.broker.core.BrokerCore;
import io.ternmq.broker.store.MessageFilter;
import io.ternmq.broker.store.MessageStore;
import io.ternmq.broker.store.ReadBytesResult;
import io.ternmq.broker.store.ReadStatus;
import io.ternmq.broker.store.read.StoredMessageBytes;
import io.ternmq.broker.topic.TopicCheck;
import io.ternmq.kafka.codec.KafkaError;
import io.ternmq.kafka.codec.Struct;
import io.ternmq.kafka.codec.api.ListOffsetsApi.Request;
import io.ternmq.kafka.codec.api.ListOffsetsApi.Request.ListOffsetsPartition;
import io.ternmq.kafka.codec.api.ListOffsetsApi.Request.ListOffsetsTopic;
import io.ternmq.kafka.codec.api.ListOffsetsApi.Response;
import io.ternmq.kafka.codec.api.ListOffsetsApi.Response.ListOffsetsPartitionResponse;
import io.ternmq.kafka.codec.api.ListOffsetsApi.Response.ListOffsetsTopicResponse;
import io.ternmq.kafka.server.ApiHandler;
import io.ternmq.kafka.server.RequestContext;
import io.ternmq.kafka.server.data.DataPathErrors;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * ListOffsets (2), v1-5. Per partition (a queue):
 * <ul>
 *   <li>timestamp -2 (EARLIEST): the queue's first offset; -1 (LATEST): its end offset (the next offset to be
 *       written; with no transactions the same for read_committed). Timestamp -1 in the response.</li>
 *   <li>any other timestamp t: the first offset whose record timestamp (the born timestamp, which is the Kafka
 *       CreateTime) is at or after t, with that record's timestamp; none → offset -1 and timestamp -1, as Kafka
 *       answers (the Java client then reports null for the partition).</li>
 * </ul>
 * The search starts where the store's time index puts the first message <em>stored</em> at or after t and reads
 * forward to the first record <em>born</em> at or after t. A record is stored after it is born, so this finds the
 * exact Kafka answer for every record whose timestamp is not in the future of its store time; a record a producer
 * stamped later than it was stored may be passed over (Kafka would find it through its own time index). The scan is
 * bounded ({@link #MAX_SCANNED}).
 *
 * <p>Leader epoch (v4+) is -1, as in Metadata. Thread-safe.
 */
public final class ListOffsetsHandler implements ApiHandler {
    static final long LATEST = -1;
    static final long EARLIEST = -2;
    /** Most messages read while looking for a timestamp, so one request cannot walk a whole queue. */
    static final int MAX_SCANNED = 1_000_000;
    private static final int SCAN_CHUNK = 1024;
    private static final int SCAN_CHUNK_BYTES = 4 << 20;

    private final BrokerCore core;

    public ListOffsetsHandler(BrokerCore core) {
        this.core = core;
    }

    /** An offset and the timestamp to report with it. */
    private record Found(long offset, long timestamp) {
        static final Found NONE = new Found(-1, -1);
    }

    @Override
    public CompletableFuture<Struct> handle(RequestContext context, Struct request) {
        List<Struct> topics = new ArrayList<>();
        for (Struct topic : request.get(Request.TOPICS)) {
            String name = topic.get(ListOffsetsTopic.NAME);
            List<Struct> partitions = new ArrayList<>();
            for (Struct p : topic.get(ListOffsetsTopic.PARTITIONS)) {
                partitions.add(partition(name, p.get(ListOffsetsPartition.PARTITION_INDEX),
                        p.get(ListOffsetsPartition.TIMESTAMP)));
            }
            topics.add(new Struct(ListOffsetsTopicResponse.SCHEMA)
                    .set(ListOffsetsTopicResponse.NAME, name)
                    .set(ListOffsetsTopicResponse.PARTITIONS, partitions));
        }
        return CompletableFuture.completedFuture(new Struct(Response.SCHEMA)
                .set(Response.THROTTLE_TIME_MS, 0)
                .set(Response.TOPICS, topics));
    }

    private Struct partition(String topic, int index, long timestamp) {
        TopicCheck check = index < 0 ? TopicCheck.QUEUE_NOT_EXIST : core.topics().checkRead(topic, index);
        if (check != TopicCheck.OK) {
            KafkaError error = check == TopicCheck.ILLEGAL_NAME ? KafkaError.UNKNOWN_TOPIC_OR_PARTITION
                    : DataPathErrors.of(check);
            return response(index, error, Found.NONE);
        }
        MessageStore store = core.messages().store();
        Found found;
        if (timestamp == LATEST) {
            found = new Found(store.maxOffset(topic, index), -1);
        } else if (timestamp == EARLIEST) {
            found = new Found(store.minOffset(topic, index), -1);
        } else {
            found = search(store, topic, index, timestamp);
        }
        return response(index, KafkaError.NONE, found);
    }

    private static Found search(MessageStore store, String topic, int queue, long timestamp) {
        long offset = store.offsetForTimestamp(topic, queue, timestamp);
        int scanned = 0;
        while (scanned < MAX_SCANNED) {
            ReadBytesResult r = store.readBytes(topic, queue, offset, SCAN_CHUNK, SCAN_CHUNK_BYTES,
                    MessageFilter.ACCEPT_ALL);
            if (r.status() == ReadStatus.OFFSET_TOO_SMALL) {
                offset = r.nextOffset(); // retention moved the start meanwhile
                continue;
            }
            if (r.status() != ReadStatus.FOUND) {
                return Found.NONE;
            }
            for (StoredMessageBytes m : r.messages()) {
                if (m.bornTimestamp() >= timestamp) {
                    return new Found(m.queueOffset(), m.bornTimestamp());
                }
            }
            scanned += r.messages().size();
            offset = r.nextOffset();
        }
        return Found.NONE;
    }

    private static Struct response(int index, KafkaError error, Found found) {
        return new Struct(ListOffsetsPartitionResponse.SCHEMA)
                .set(ListOffsetsPartitionResponse.PARTITION_INDEX, index)
                .set(ListOffsetsPartitionResponse.ERROR_CODE, error.code())
                .set(ListOffsetsPartitionResponse.TIMESTAMP, found.timestamp())
                .set(ListOffsetsPartitionResponse.OFFSET, found.offset())
                .set(ListOffsetsPartitionResponse.LEADER_EPOCH, -1);
    }
}
