package io.ternmq.kafka.server;

import io.ternmq.test.EmbeddedBroker;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** SASL PLAIN and SCRAM with the unmodified Kafka Admin client ({@code security.protocol=SASL_PLAINTEXT}). */
class KafkaSaslEndToEndTest {
    @TempDir
    static Path dir;
    private static EmbeddedBroker broker;

    @BeforeAll
    static void start() throws Exception {
        Path users = Files.writeString(dir.resolve("kafka-users.properties"), "alice=alice-secret\nbob=b0b\n");
        broker = EmbeddedBroker.builder()
                .config("kafkaSaslMechanisms", "PLAIN,SCRAM-SHA-256,SCRAM-SHA-512")
                .config("kafkaSaslUsersFile", users.toString())
                .start();
    }

    @AfterAll
    static void stop() {
        if (broker != null) {
            broker.close();
        }
    }

    private static Admin admin(String mechanism, String user, String password) {
        String module = mechanism.equals("PLAIN") ? "org.apache.kafka.common.security.plain.PlainLoginModule"
                : "org.apache.kafka.common.security.scram.ScramLoginModule";
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.kafkaAddress(),
                AdminClientConfig.SECURITY_PROTOCOL_CONFIG, "SASL_PLAINTEXT",
                "sasl.mechanism", mechanism,
                "sasl.jaas.config", module + " required username=\"" + user + "\" password=\"" + password + "\";",
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 15_000,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000));
    }

    @ParameterizedTest
    @ValueSource(strings = {"PLAIN", "SCRAM-SHA-256", "SCRAM-SHA-512"})
    void theRightPasswordAuthenticatesAndTheAdminWorks(String mechanism) throws Exception {
        String topic = "sasl-" + mechanism.toLowerCase().replace('-', '_');
        try (Admin admin = admin(mechanism, "alice", "alice-secret")) {
            admin.createTopics(List.of(new NewTopic(topic, 2, (short) 1))).all().get();
            assertTrue(admin.listTopics().names().get().contains(topic));
            assertEquals(1, admin.describeCluster().nodes().get().size());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"PLAIN", "SCRAM-SHA-256", "SCRAM-SHA-512"})
    void aWrongPasswordFailsWithAnAuthenticationError(String mechanism) {
        try (Admin admin = admin(mechanism, "alice", "wrong")) {
            ExecutionException e = assertThrows(ExecutionException.class,
                    () -> admin.listTopics().names().get());
            assertInstanceOf(SaslAuthenticationException.class, e.getCause());
        }
    }

    @org.junit.jupiter.api.Test
    void anUnauthenticatedRequestOtherThanApiVersionsOrSaslClosesTheConnection() throws Exception {
        String[] hostPort = broker.kafkaAddress().split(":");
        try (Socket raw = new Socket(hostPort[0], Integer.parseInt(hostPort[1]))) {
            raw.setSoTimeout(10_000);
            DataOutputStream out = new DataOutputStream(raw.getOutputStream());
            // Metadata v1, correlation id 7, client id "x", topics = null (all)
            out.writeInt(2 + 2 + 4 + 2 + 1 + 4);
            out.writeShort(3);
            out.writeShort(1);
            out.writeInt(7);
            out.writeShort(1);
            out.writeByte('x');
            out.writeInt(-1);
            out.flush();
            assertThrows(EOFException.class, () -> new DataInputStream(raw.getInputStream()).readInt());
        }
    }
}
