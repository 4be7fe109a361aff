package io.ternmq.kafka.codec;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.buffer.UnpooledByteBufAllocator;
import io.ternmq.kafka.codec.api.ProduceApi;
import org.apache.kafka.common.message.ApiVersionsResponseData;
import org.apache.kafka.common.message.ProduceRequestData;
import org.apache.kafka.common.message.RequestHeaderData;
import org.apache.kafka.common.message.ResponseHeaderData;
import org.apache.kafka.common.protocol.ApiKeys;
import org.apache.kafka.common.protocol.ByteBufferAccessor;
import org.apache.kafka.common.protocol.ObjectSerializationCache;
import org.apache.kafka.common.record.internal.MemoryRecords;
import org.apache.kafka.common.requests.ApiVersionsResponse;
import org.apache.kafka.common.requests.ResponseHeader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.ByteBuffer;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HeadersAndFramingTest {

    @Test
    void headerVersionsMatchKafkaClientsForEveryServedVersion() {
        for (ApiKey api : ApiKey.values()) {
            ApiKeys theirs = ApiKeys.forId(api.id());
            for (short v = api.advertisedMin(); v <= api.advertisedMax(); v++) {
                if (!api.isSupported(v)) {
                    continue;
                }
                assertEquals(theirs.requestHeaderVersion(v), api.requestHeaderVersion(v), api + " v" + v);
                assertEquals(theirs.responseHeaderVersion(v), api.responseHeaderVersion(v), api + " v" + v);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(shorts = {1, 2}) // v0 is only ControlledShutdown v0, gone from Kafka 4
    void requestHeaderReadsWhatKafkaClientsWrites(short headerVersion) {
        for (String clientId : new String[] {"producer-1", "", null, "kлиент"}) {
            RequestHeaderData data = new RequestHeaderData().setRequestApiKey((short) 3).setRequestApiVersion((short) 8)
                    .setCorrelationId(123456).setClientId(clientId);
            byte[] bytes = write(data, headerVersion);
            ByteBuf in = Unpooled.wrappedBuffer(bytes);
            RequestHeader ours = RequestHeader.read(in, headerVersion);
            assertEquals(0, in.readableBytes());
            assertEquals(new RequestHeader((short) 3, (short) 8, 123456, clientId), ours);
            ByteBuf out = Unpooled.buffer();
            ours.write(out, headerVersion);
            assertArrayEquals(bytes, ByteBufUtil.getBytes(out));
        }
    }

    @ParameterizedTest
    @ValueSource(shorts = {0, 1})
    void responseHeaderIsWhatKafkaClientsReads(short headerVersion) {
        // ListGroups v2 is not flexible, DescribeCluster v0 is: header v0 and v1
        ApiKey api = headerVersion == 0 ? ApiKey.LIST_GROUPS : ApiKey.DESCRIBE_CLUSTER;
        short version = headerVersion == 0 ? (short) 2 : (short) 0;
        RequestHeader request = new RequestHeader(api.id(), version, 77, "c");
        ByteBuf frame = ResponseEncoder.encodeFrame(request, new Struct(api.spec().response()),
                UnpooledByteBufAllocator.DEFAULT);
        assertEquals(frame.readableBytes() - 4, frame.readInt());
        ByteBuffer nio = ByteBuffer.wrap(ByteBufUtil.getBytes(frame));
        ResponseHeader header = ResponseHeader.parse(nio, headerVersion);
        assertEquals(77, header.correlationId());
        byte[] expectedHeader = write(new ResponseHeaderData().setCorrelationId(77), headerVersion);
        assertEquals(expectedHeader.length, nio.position());
    }

    @Test
    void apiVersionsResponseHeaderIsV0EvenWhenFlexible() {
        RequestHeader request = new RequestHeader(ApiKey.API_VERSIONS.id(), (short) 3, 5, "librdkafka");
        ByteBuf frame = ResponseEncoder.encodeFrame(request, ApiVersionsFallback.advertisedResponse(),
                UnpooledByteBufAllocator.DEFAULT);
        frame.skipBytes(4);
        ByteBuffer nio = ByteBuffer.wrap(ByteBufUtil.getBytes(frame));
        ApiVersionsResponse parsed = ApiVersionsResponse.parse(new ByteBufferAccessor(nioAfterHeaderV0(nio, 5)), (short) 3);
        assertEquals(0, parsed.data().errorCode());
        assertEquals(ApiKey.values().length, parsed.data().apiKeys().size());
        ApiVersionsResponseData.ApiVersion produce = parsed.data().apiKeys().find(ApiKeys.PRODUCE.id);
        assertEquals(0, produce.minVersion());
        assertEquals(7, produce.maxVersion());
    }

    @Test
    void unknownApiVersionsVersionGetsTheV0UnsupportedVersionReplyKafkaClientsUnderstands() {
        RequestHeaderData header = new RequestHeaderData().setRequestApiKey((short) 18).setRequestApiVersion((short) 9)
                .setCorrelationId(42).setClientId("future-client");
        ByteBuf frame = Unpooled.buffer();
        frame.writeBytes(write(header, (short) 2));
        frame.writeBytes(new byte[] {3, 'x', 'y', 3, '1', '0', 0}); // whatever a v9 body is, we do not read it

        ParsedRequest parsed = RequestParser.parse(frame);
        ParsedRequest.UnsupportedVersion unsupported = assertInstanceOf(ParsedRequest.UnsupportedVersion.class, parsed);
        assertEquals(ApiKey.API_VERSIONS, unsupported.api());
        assertEquals(42, unsupported.header().correlationId());

        ByteBuf reply = ApiVersionsFallback.unsupportedVersionResponse(unsupported.header(),
                UnpooledByteBufAllocator.DEFAULT);
        assertEquals(reply.readableBytes() - 4, reply.readInt());
        ByteBuffer nio = ByteBuffer.wrap(ByteBufUtil.getBytes(reply));
        // the Java client reads an UNSUPPORTED_VERSION reply with the v0 body whatever version it sent
        ApiVersionsResponse response = ApiVersionsResponse.parse(new ByteBufferAccessor(nioAfterHeaderV0(nio, 42)), (short) 9);
        assertEquals(35, response.data().errorCode());
        ApiVersionsResponseData.ApiVersion self = response.data().apiKeys().find((short) 18);
        assertEquals(0, self.minVersion());
        assertEquals(3, self.maxVersion());
    }

    @Test
    void produceV0To2IsAdvertisedButRefusedWithAReason() {
        for (short v = 0; v <= 2; v++) {
            ByteBuf frame = Unpooled.buffer();
            new RequestHeader((short) 0, v, 9, "old").write(frame, 1);
            frame.writeShort(1).writeInt(1000).writeInt(0);
            ParsedRequest.UnsupportedVersion unsupported =
                    assertInstanceOf(ParsedRequest.UnsupportedVersion.class, RequestParser.parse(frame));
            assertTrue(unsupported.reason().contains("Produce v" + v), unsupported.reason());
            assertEquals(0, ApiKey.PRODUCE.advertisedMin());
        }
    }

    @Test
    void unknownApiKeyAndUnadvertisedVersionAreDistinguished() {
        ByteBuf endTxn = Unpooled.buffer();
        new RequestHeader((short) 26, (short) 1, 3, "txn").write(endTxn, 1);
        ParsedRequest unknown = RequestParser.parse(endTxn);
        assertInstanceOf(ParsedRequest.UnknownApi.class, unknown);
        assertEquals(3, unknown.header().correlationId());
        assertNull(ApiKey.forId(26));

        ByteBuf fetch12 = Unpooled.buffer();
        new RequestHeader((short) 1, (short) 12, 4, "c").write(fetch12, 2);
        assertInstanceOf(ParsedRequest.UnsupportedVersion.class, RequestParser.parse(fetch12));
    }

    @Test
    void produceRecordsAreRetainedSlicesOfTheFrameAndReleasedWithTheRequest() {
        byte[] records = {1, 2, 3, 4, 5, 6, 7};
        ProduceRequestData data = new ProduceRequestData().setAcks((short) -1).setTimeoutMs(30000);
        ProduceRequestData.TopicProduceData topic = new ProduceRequestData.TopicProduceData().setName("t");
        topic.partitionData().add(new ProduceRequestData.PartitionProduceData().setIndex(2)
                .setRecords(MemoryRecords.readableRecords(ByteBuffer.wrap(records))));
        data.topicData().add(topic);
        ByteBuf frame = Unpooled.buffer();
        frame.writeBytes(write(new RequestHeaderData().setRequestApiKey((short) 0).setRequestApiVersion((short) 7)
                .setCorrelationId(1).setClientId("p"), (short) 1));
        frame.writeBytes(KafkaClientsCrossCheckTest.serialize(data, (short) 7));

        ParsedRequest.Decoded decoded = assertInstanceOf(ParsedRequest.Decoded.class, RequestParser.parse(frame));
        assertEquals((short) -1, decoded.body().get(ProduceApi.Request.ACKS));
        Struct partition = decoded.body().get(ProduceApi.Request.TOPIC_DATA).get(0)
                .get(ProduceApi.Request.TopicProduceData.PARTITION_DATA).get(0);
        ByteBuf slice = partition.get(ProduceApi.Request.PartitionProduceData.RECORDS);
        assertArrayEquals(records, ByteBufUtil.getBytes(slice));
        assertEquals(2, frame.refCnt());
        frame.release();
        assertEquals(1, frame.refCnt(), "the records slice keeps the frame alive");
        decoded.release();
        assertEquals(0, frame.refCnt());
    }

    @Test
    void fetchResponseRecordsAreLinkedNotCopied() {
        ByteBuf stored = Unpooled.wrappedBuffer(new byte[] {9, 8, 7, 6});
        Struct partition = new Struct(io.ternmq.kafka.codec.api.FetchApi.Response.PartitionData.SCHEMA)
                .set(io.ternmq.kafka.codec.api.FetchApi.Response.PartitionData.RECORDS, stored);
        Struct topic = new Struct(io.ternmq.kafka.codec.api.FetchApi.Response.FetchableTopicResponse.SCHEMA)
                .set(io.ternmq.kafka.codec.api.FetchApi.Response.FetchableTopicResponse.TOPIC, "t")
                .set(io.ternmq.kafka.codec.api.FetchApi.Response.FetchableTopicResponse.PARTITIONS, List.of(partition));
        Struct body = new Struct(io.ternmq.kafka.codec.api.FetchApi.Response.SCHEMA)
                .set(io.ternmq.kafka.codec.api.FetchApi.Response.RESPONSES, List.of(topic));
        ByteBuf out = ResponseEncoder.encodeFrame(new RequestHeader((short) 1, (short) 11, 1, "c"), body,
                UnpooledByteBufAllocator.DEFAULT);
        assertInstanceOf(io.netty.buffer.CompositeByteBuf.class, out);
        assertEquals(2, stored.refCnt(), "the response holds its own reference to the stored bytes");
        out.release();
        assertEquals(1, stored.refCnt());
    }

    private static ByteBuffer nioAfterHeaderV0(ByteBuffer nio, int correlationId) {
        assertEquals(correlationId, nio.getInt());
        return nio.slice();
    }

    private static byte[] write(org.apache.kafka.common.protocol.Message data, short version) {
        ObjectSerializationCache cache = new ObjectSerializationCache();
        ByteBuffer buffer = ByteBuffer.allocate(data.size(cache, version));
        data.write(new ByteBufferAccessor(buffer), cache, version);
        return buffer.array();
    }

}
