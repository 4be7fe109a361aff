package io.ternmq.kafka.server.data;

import io.ternmq.broker.core.BrokerCore;
import io.ternmq.kafka.codec.ApiKey;
import io.ternmq.kafka.codec.KafkaError;
import io.ternmq.kafka.codec.Struct;
import io.ternmq.kafka.codec.api.ApiVersionsApi;
import io.ternmq.kafka.codec.api.ProduceApi.Response.PartitionProduceResponse;
import io.ternmq.kafka.producer.ProducerStateTable;
import io.ternmq.kafka.producer.StoreProducerLog;
import io.ternmq.kafka.server.handler.ProduceHandler;
import io.ternmq.test.EmbeddedBroker;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static io.ternmq.kafka.server.data.DataPathFixture.batch;
import static io.ternmq.kafka.server.data.DataPathFixture.context;
import static io.ternmq.kafka.server.data.DataPathFixture.frame;
import static io.ternmq.kafka.server.data.DataPathFixture.onlyPartition;
import static io.ternmq.kafka.server.data.DataPathFixture.produce;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The Produce handler driven with crafted requests against a real broker core and store. */
class ProduceHandlerTest {
    private static EmbeddedBroker broker;
    private static BrokerCore core;
    private static VisibilityWaits arrivals;
    private static Runnable unsubscribe;

    @TempDir
    Path stateDir;

    @BeforeAll
    static void start() {
        broker = EmbeddedBroker.builder().config("defaultTopicQueueNums", "2").config("maxMessageSize", "65536").start();
        core = broker.broker().core();
        arrivals = new VisibilityWaits(core.messages().store()::maxOffset, System::currentTimeMillis, 10_000);
        unsubscribe = core.arrivals().subscribe(arrivals);
    }

    @AfterAll
    static void stop() {
        unsubscribe.run();
        arrivals.close();
        if (broker != null) {
            broker.close();
        }
    }

    private ProducerStateTable states() {
        return ProducerStateTable.open(stateDir, System::currentTimeMillis, Duration.ofHours(1),
                new StoreProducerLog(core.messages().store(), core.topics()::names));
    }

    private static Struct send(ProduceHandler handler, int version, Struct request) throws Exception {
        return onlyPartition(handler.handle(context(ApiKey.PRODUCE, version), request).get(10, TimeUnit.SECONDS));
    }

    private static short error(Struct partition) {
        return partition.get(PartitionProduceResponse.ERROR_CODE);
    }

    @Test
    void retriedIdempotentBatchesAreAnsweredWithTheOriginalOffsetAndStoredOnce() throws Exception {
        try (ProducerStateTable states = states()) {
            ProduceHandler handler = new ProduceHandler(core, states, arrivals, 65536);
            String topic = "produce-dedupe";
            core.topics().checkWrite(topic, 0);
            long end = core.messages().store().maxOffset(topic, 0);

            // the first attempt and its retry are sent back to back, as a producer does after a lost response
            CompletableFuture<Struct> first = handler.handle(context(ApiKey.PRODUCE, 7),
                    produce((short) -1, topic, 0, batch(42, (short) 0, 0, 3)));
            CompletableFuture<Struct> retry = handler.handle(context(ApiKey.PRODUCE, 7),
                    produce((short) -1, topic, 0, batch(42, (short) 0, 0, 3)));
            Struct a = onlyPartition(first.get(10, TimeUnit.SECONDS));
            Struct b = onlyPartition(retry.get(10, TimeUnit.SECONDS));
            assertEquals(KafkaError.NONE.code(), error(a));
            assertEquals(KafkaError.NONE.code(), error(b), "a duplicate is answered NONE");
            assertEquals(end, a.get(PartitionProduceResponse.BASE_OFFSET));
            assertEquals(end, b.get(PartitionProduceResponse.BASE_OFFSET), "with the original base offset");

            Struct late = send(handler, 7, produce((short) -1, topic, 0, batch(42, (short) 0, 0, 3)));
            assertEquals(end, late.get(PartitionProduceResponse.BASE_OFFSET), "a retry after completion too");

            Struct next = send(handler, 7, produce((short) -1, topic, 0, batch(42, (short) 0, 3, 2)));
            assertEquals(end + 3, next.get(PartitionProduceResponse.BASE_OFFSET));
            Struct gap = send(handler, 7, produce((short) -1, topic, 0, batch(42, (short) 0, 9, 1)));
            assertEquals(KafkaError.OUT_OF_ORDER_SEQUENCE_NUMBER.code(), error(gap));
            Struct bumped = send(handler, 7, produce((short) -1, topic, 0, batch(42, (short) 1, 0, 1)));
            assertEquals(KafkaError.NONE.code(), error(bumped), "a new epoch starts again at sequence 0");
            assertEquals(end + 5, bumped.get(PartitionProduceResponse.BASE_OFFSET), "the retries stored nothing");
            assertEquals(end + 6, core.messages().store().maxOffset(topic, 0),
                    "acknowledged records are readable when the response is sent");
            Struct zombie = send(handler, 7, produce((short) -1, topic, 0, batch(42, (short) 0, 5, 1)));
            assertEquals(KafkaError.INVALID_PRODUCER_EPOCH.code(), error(zombie));
            Struct after = send(handler, 7, produce((short) -1, topic, 0, batch(42, (short) 1, 1, 1)));
            assertEquals(end + 6, after.get(PartitionProduceResponse.BASE_OFFSET), "the zombie stored nothing");
        }
    }

    @Test
    void refusalsGetTheirKafkaErrors() throws Exception {
        try (ProducerStateTable states = states()) {
            ProduceHandler handler = new ProduceHandler(core, states, arrivals, 4096);
            String topic = "produce-refusals";
            assertEquals(KafkaError.INVALID_REQUIRED_ACKS.code(),
                    error(send(handler, 7, produce((short) 2, topic, 0, batch(-1, (short) -1, -1, 1)))));
            assertEquals(KafkaError.UNKNOWN_TOPIC_OR_PARTITION.code(),
                    error(send(handler, 7, produce((short) 1, topic, 7, batch(-1, (short) -1, -1, 1)))),
                    "partition past the topic's queue count");
            assertEquals(KafkaError.INVALID_TOPIC_EXCEPTION.code(),
                    error(send(handler, 7, produce((short) 1, "bad/name", 0, batch(-1, (short) -1, -1, 1)))));
            assertEquals(KafkaError.MESSAGE_TOO_LARGE.code(),
                    error(send(handler, 7, produce((short) 1, topic, 0, batch(-1, (short) -1, -1, 400)))));
            var corrupt = batch(-1, (short) -1, -1, 2);
            corrupt.setByte(corrupt.writerIndex() - 1, corrupt.getByte(corrupt.writerIndex() - 1) ^ 1);
            assertEquals(KafkaError.CORRUPT_MESSAGE.code(), error(send(handler, 7, produce((short) 1, topic, 0,
                    corrupt))));
            Struct ok = send(handler, 3, produce((short) 1, topic, 1, batch(-1, (short) -1, -1, 2)));
            assertEquals(KafkaError.NONE.code(), error(ok));
            assertEquals(0L, ok.get(PartitionProduceResponse.LOG_START_OFFSET));
        }
    }

    @Test
    void acksZeroWritesNoResponseAndClosesTheConnectionOnAFailure() throws Exception {
        String[] hostPort = broker.kafkaAddress().split(":");
        try (Socket socket = new Socket(hostPort[0], Integer.parseInt(hostPort[1]))) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            DataInputStream in = new DataInputStream(socket.getInputStream());
            out.write(frame(ApiKey.PRODUCE, 7, 1, produce((short) 0, "produce-acks0", 0,
                    batch(-1, (short) -1, -1, 1))));
            out.write(frame(ApiKey.API_VERSIONS, 0, 2, new Struct(ApiVersionsApi.Request.SCHEMA)));
            out.flush();
            int size = in.readInt();
            assertEquals(2, in.readInt(), "the first response is ApiVersions': nothing was written for acks=0");
            in.skipBytes(size - 4);

            out.write(frame(ApiKey.PRODUCE, 7, 3, produce((short) 0, "produce-acks0", 99,
                    batch(-1, (short) -1, -1, 1))));
            out.flush();
            assertThrows(EOFException.class, in::readInt, "a failed acks=0 produce closes the connection");
        } catch (SocketTimeoutException e) {
            throw new AssertionError("no reply and no close", e);
        } catch (IOException e) {
            if (!(e instanceof EOFException)) {
                throw e;
            }
        }
        awaitEndOffset("produce-acks0", 0, 1);
    }

    /** The store indexes an append shortly after acknowledging it; wait (bounded) for the end offset. */
    private static void awaitEndOffset(String topic, int queue, long expected) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (core.messages().store().maxOffset(topic, queue) < expected && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertEquals(expected, core.messages().store().maxOffset(topic, queue));
    }
}
