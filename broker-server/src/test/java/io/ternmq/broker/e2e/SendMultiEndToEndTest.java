package io.ternmq.broker.e2e;

import io.ternmq.broker.Broker;
import io.ternmq.broker.testing.RawClient;
import io.ternmq.broker.testing.TestBrokers;
import io.ternmq.protocol.ErrorCode;
import io.ternmq.protocol.command.Commands;
import io.ternmq.protocol.command.Hello;
import io.ternmq.protocol.command.Pull;
import io.ternmq.protocol.command.SendMulti;
import io.ternmq.protocol.command.Topics;
import io.ternmq.protocol.message.MessageProperties;
import io.ternmq.protocol.message.OutgoingMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static io.ternmq.broker.e2e.NativeProtocolEndToEndTest.awaitMaxOffset;
import static io.ternmq.broker.e2e.NativeProtocolEndToEndTest.message;
import static io.ternmq.broker.e2e.NativeProtocolEndToEndTest.pull;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * SEND_MULTI over a real socket: plain entries are stored together, the others (half messages, refused entries)
 * on their own, and every entry still gets the answer a SEND of it would get, with the queue's order kept.
 */
class SendMultiEndToEndTest {
    @TempDir
    Path dir;
    Broker broker;

    @BeforeEach
    void start() {
        broker = TestBrokers.start(dir);
    }

    @AfterEach
    void stop() {
        if (broker != null) {
            broker.close();
        }
    }

    private static OutgoingMessage half(String body) {
        return new OutgoingMessage(Map.of(MessageProperties.TRANSACTION_PREPARED, "true",
                MessageProperties.PRODUCER_GROUP, "p1"), body.getBytes(StandardCharsets.UTF_8),
                System.currentTimeMillis(), 0, 0);
    }

    @Test
    void mixedEntriesEachGetTheirOwnAnswerInRequestOrder() throws Exception {
        try (RawClient c = new RawClient(broker.nativePort())) {
            c.call(Commands.HELLO, new Hello.Request(1, 5, "c1", "test")).ok();
            c.call(Commands.CREATE_TOPIC, new Topics.Config("a", 2, Topics.PERM_READ_WRITE, false)).ok();
            c.call(Commands.CREATE_TOPIC, new Topics.Config("b", 1, Topics.PERM_READ_WRITE, false)).ok();

            SendMulti.Response r = c.call(Commands.SEND_MULTI, new SendMulti.Request("p1", List.of(
                    new SendMulti.Entry("a", 1, List.of(message("a0", null, null), message("a1", null, null))),
                    new SendMulti.Entry("b", 0, List.of(message("b0", null, null))),
                    new SendMulti.Entry("b", 0, List.of(half("h0"))),          // half message: alone, not in b
                    new SendMulti.Entry("a", 1, List.of(message("a2", null, null))),
                    new SendMulti.Entry("a", 9, List.of(message("x", null, null))), // no such queue
                    new SendMulti.Entry("RMQ_SYS_TRANS_HALF_TOPIC", 0, List.of(message("y", null, null))),
                    new SendMulti.Entry("b", 0, List.of(message("b1", null, null)))))).ok();

            List<SendMulti.EntryResult> results = r.results();
            assertEquals(7, results.size());
            assertEquals(List.of(ErrorCode.SUCCESS, ErrorCode.SUCCESS, ErrorCode.SUCCESS, ErrorCode.SUCCESS,
                    ErrorCode.QUEUE_NOT_EXIST, ErrorCode.MESSAGE_ILLEGAL, ErrorCode.SUCCESS),
                    results.stream().map(SendMulti.EntryResult::error).toList());
            assertEquals(0, results.get(0).baseQueueOffset());
            assertEquals(2, results.get(0).messageIds().size());
            assertEquals(0, results.get(1).baseQueueOffset());
            assertEquals(2, results.get(3).baseQueueOffset());
            assertEquals(1, results.get(6).baseQueueOffset());

            awaitMaxOffset(c, "a", 1, 3);
            awaitMaxOffset(c, "b", 0, 2);
            assertEquals(List.of("a0", "a1", "a2"), c.call(Commands.PULL, pull("a", 1, 0, 0, "*")).ok().messages()
                    .stream().map(NativeProtocolEndToEndTest::body).toList());
            Pull.Response b = c.call(Commands.PULL, pull("b", 0, 0, 0, "*")).ok();
            assertEquals(List.of("b0", "b1"), b.messages().stream().map(NativeProtocolEndToEndTest::body).toList());
        }
    }
}
