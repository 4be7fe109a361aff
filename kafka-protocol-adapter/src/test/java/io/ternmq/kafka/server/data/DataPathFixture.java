package io.ternmq.kafka.server.data;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import io.ternmq.kafka.codec.ApiKey;
import io.ternmq.kafka.codec.RequestHeader;
import io.ternmq.kafka.codec.ResponseEncoder;
import io.ternmq.kafka.codec.Struct;
import io.ternmq.kafka.codec.api.ProduceApi;
import io.ternmq.kafka.record.BatchSpec;
import io.ternmq.kafka.record.CompressionType;
import io.ternmq.kafka.record.InvalidBatchException;
import io.ternmq.kafka.record.KafkaRecord;
import io.ternmq.kafka.record.RecordBatch;
import io.ternmq.kafka.record.RecordBatchReader;
import io.ternmq.kafka.record.RecordBatchWriter;
import io.ternmq.kafka.server.KafkaConnection;
import io.ternmq.kafka.server.RequestContext;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Crafted requests for driving the data-path handlers directly. */
final class DataPathFixture {
    private DataPathFixture() {
    }

    static RequestContext context(ApiKey api, int version) {
        return new RequestContext(new KafkaConnection("127.0.0.1:1", false),
                new RequestHeader(api.id(), (short) version, 1, "fixture"), api);
    }

    /** A batch of {@code count} records "value-i", with producer fields when {@code producerId >= 0}. */
    static ByteBuf batch(long producerId, short epoch, int baseSequence, int count) {
        ByteBuf out = Unpooled.buffer();
        BatchSpec spec = BatchSpec.of(0, CompressionType.NONE);
        if (producerId >= 0) {
            spec = spec.withProducer(producerId, epoch, baseSequence);
        }
        RecordBatchWriter writer = new RecordBatchWriter(out, spec);
        for (int i = 0; i < count; i++) {
            writer.append(KafkaRecord.of(1_000L + i, null, ("value-" + (baseSequence + i)).getBytes(
                    StandardCharsets.UTF_8)));
        }
        writer.finish();
        return out;
    }

    static Struct produce(short acks, String topic, int partition, ByteBuf records) {
        Struct partitionData = new Struct(ProduceApi.Request.PartitionProduceData.SCHEMA)
                .set(ProduceApi.Request.PartitionProduceData.INDEX, partition)
                .set(ProduceApi.Request.PartitionProduceData.RECORDS, records);
        Struct topicData = new Struct(ProduceApi.Request.TopicProduceData.SCHEMA)
                .set(ProduceApi.Request.TopicProduceData.NAME, topic)
                .set(ProduceApi.Request.TopicProduceData.PARTITION_DATA, List.of(partitionData));
        return new Struct(ProduceApi.Request.SCHEMA)
                .set(ProduceApi.Request.ACKS, acks)
                .set(ProduceApi.Request.TIMEOUT_MS, 30_000)
                .set(ProduceApi.Request.TOPIC_DATA, List.of(topicData));
    }

    /** The first partition of the first topic of a Produce response. */
    static Struct onlyPartition(Struct produceResponse) {
        Struct topic = produceResponse.get(ProduceApi.Response.RESPONSES).get(0);
        return topic.get(ProduceApi.Response.TopicProduceResponse.PARTITION_RESPONSES).get(0);
    }

    /** Every record of a RECORDS buffer, with its offset. */
    static List<Long> offsets(ByteBuf records) throws InvalidBatchException {
        List<Long> offsets = new ArrayList<>();
        RecordBatchReader reader = new RecordBatchReader(records);
        for (RecordBatch batch = reader.next(); batch != null; batch = reader.next()) {
            for (int i = 0; i < batch.recordCount(); i++) {
                offsets.add(batch.baseOffset() + i);
            }
        }
        return offsets;
    }

    /** A request frame (size, header, body) as a client writes it. */
    static byte[] frame(ApiKey api, int version, int correlationId, Struct body) {
        ByteBuf header = Unpooled.buffer();
        new RequestHeader(api.id(), (short) version, correlationId, "fixture")
                .write(header, api.requestHeaderVersion(version));
        ByteBuf encoded = ResponseEncoder.encodeBody(body.schema(), api.spec(), (short) version, body,
                ByteBufAllocator.DEFAULT);
        try {
            byte[] out = new byte[4 + header.readableBytes() + encoded.readableBytes()];
            ByteBuf wrapped = Unpooled.wrappedBuffer(out).writerIndex(0);
            wrapped.writeInt(out.length - 4).writeBytes(header).writeBytes(encoded);
            return out;
        } finally {
            encoded.release();
        }
    }
}
