package io.ternmq.kafka.compat;

import io.ternmq.test.EmbeddedBroker;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * A test class's own broker (Kafka listener on an ephemeral port) and an Admin client on it, started before the
 * class's own {@code @BeforeAll} methods and closed after its {@code @AfterAll} methods (JUnit runs a superclass's
 * class-level callbacks around the subclass's).
 */
abstract class BrokerScenario {
    static EmbeddedBroker broker;
    static Admin admin;

    @BeforeAll
    static void startBrokerAndAdmin() {
        broker = CompatBroker.start();
        admin = KafkaClients.admin(broker);
    }

    @AfterAll
    static void closeAdminAndBroker() {
        CompatBroker.closeAll(admin, broker);
    }
}
