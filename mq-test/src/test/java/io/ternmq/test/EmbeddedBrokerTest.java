package io.ternmq.test;

import io.ternmq.broker.topic.TopicConfig;
import org.junit.jupiter.api.Test;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EmbeddedBrokerTest {

    /** Sends a HELLO frame by hand and returns the response status. */
    static int hello(int port) throws Exception {
        try (Socket s = new Socket("127.0.0.1", port)) {
            DataOutputStream out = new DataOutputStream(s.getOutputStream());
            // length, command 1, flags 0, version 1, request id 7, status 0, body: min 1, max 1, null, null
            out.writeInt(10 + 8);
            out.writeShort(1);
            out.writeByte(0);
            out.writeByte(1);
            out.writeInt(7);
            out.writeShort(0);
            out.writeShort(1);
            out.writeShort(1);
            out.writeShort(-1);
            out.writeShort(-1);
            out.flush();
            DataInputStream in = new DataInputStream(s.getInputStream());
            int length = in.readInt();
            assertTrue(length >= 10);
            in.readShort();
            in.readByte();
            in.readByte();
            assertEquals(7, in.readInt());
            return in.readShort();
        }
    }

    @Test
    void startsQuicklyAnswersAndDeletesItsTempDirOnClose() throws Exception {
        long start = System.nanoTime();
        EmbeddedBroker broker = EmbeddedBroker.builder().start();
        long startupMs = (System.nanoTime() - start) / 1_000_000;
        Path dir = broker.storeDir();
        try {
            assertTrue(startupMs < 3_000, "started in " + startupMs + " ms");
            assertEquals("127.0.0.1:" + broker.port(), broker.address());
            assertEquals(0, hello(broker.port()));
        } finally {
            broker.close();
        }
        assertFalse(Files.exists(dir));
    }

    @Test
    void restartKeepsPortAndData(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        try (EmbeddedBroker broker = EmbeddedBroker.builder().storeDir(dir).config("defaultTopicQueueNums=3").start()) {
            int port = broker.port();
            broker.broker().core().topics().put(new TopicConfig("kept", 2, TopicConfig.PERM_READ_WRITE, false));
            broker.broker().core().offsets().commit("g", "kept", 1, 42);
            broker.restart();
            assertEquals(port, broker.port());
            assertEquals(2, broker.broker().core().topics().get("kept").orElseThrow().queueNums());
            assertEquals(42, broker.broker().core().offsets().query("g", "kept", 1).orElseThrow());
            assertEquals(0, hello(port));
        }
        assertTrue(Files.exists(dir), "a given directory is kept");
    }
}
