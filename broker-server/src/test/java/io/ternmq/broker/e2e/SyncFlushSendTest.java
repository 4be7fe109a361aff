package io.ternmq.broker.e2e;

import io.ternmq.broker.Broker;
import io.ternmq.broker.testing.RawClient;
import io.ternmq.broker.testing.TestBrokers;
import io.ternmq.protocol.ErrorCode;
import io.ternmq.protocol.command.Commands;
import io.ternmq.protocol.command.Send;
import io.ternmq.protocol.command.Topics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SyncFlushSendTest {
    @TempDir
    Path dir;

    @Test
    void concurrentSyncFlushSendsAllSucceedWithDistinctOffsets() throws Exception {
        try (Broker broker = TestBrokers.start(dir, "flushDiskType=SYNC_FLUSH", "maxMessageSize=4096",
                "maxFrameSize=1048576")) {
            try (RawClient admin = new RawClient(broker.nativePort())) {
                admin.call(Commands.CREATE_TOPIC, new Topics.Config("sync", 1, Topics.PERM_READ_WRITE, false)).ok();
                var tooLarge = admin.call(Commands.SEND, new Send.Request("p", "sync", 0,
                        List.of(NativeProtocolEndToEndTest.message("x".repeat(5000), null, null))));
                assertEquals(ErrorCode.MESSAGE_TOO_LARGE, tooLarge.status());
                var empty = admin.call(Commands.SEND, new Send.Request("p", "sync", 0, List.of()));
                assertEquals(ErrorCode.MESSAGE_ILLEGAL, empty.status());
            }
            Set<Long> offsets = new ConcurrentSkipListSet<>();
            List<CompletableFuture<Void>> senders = new ArrayList<>();
            for (int s = 0; s < 3; s++) {
                senders.add(CompletableFuture.runAsync(() -> {
                    try (RawClient c = new RawClient(broker.nativePort())) {
                        for (int i = 0; i < 20; i++) {
                            offsets.add(c.call(Commands.SEND, new Send.Request("p", "sync", 0,
                                    List.of(NativeProtocolEndToEndTest.message("m" + i, null, null))))
                                    .ok().baseQueueOffset());
                        }
                    } catch (Exception e) {
                        throw new RuntimeException(e);
                    }
                }));
            }
            CompletableFuture.allOf(senders.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
            Set<Long> expected = new TreeSet<>();
            for (long i = 0; i < 60; i++) {
                expected.add(i);
            }
            assertEquals(expected, offsets);
        }
    }
}
