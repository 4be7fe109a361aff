package io.ternmq.test;

import io.ternmq.broker.config.BrokerConfigKeys;
import io.ternmq.broker.store.FlushDiskType;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;

@EmbeddedMQ(flushDiskType = FlushDiskType.SYNC_FLUSH, config = {"autoCreateTopicEnable=false", "brokerName=ext"})
class EmbeddedMQExtensionTest {
    private final EmbeddedBroker fromConstructor;

    EmbeddedMQExtensionTest(EmbeddedBroker broker) {
        this.fromConstructor = broker;
    }

    @Test
    void injectsOneBrokerPerClassWithTheAnnotationsSettings(EmbeddedBroker broker) throws Exception {
        assertSame(fromConstructor, broker);
        assertEquals(FlushDiskType.SYNC_FLUSH, broker.broker().config().get(BrokerConfigKeys.FLUSH_DISK_TYPE));
        assertFalse(broker.broker().config().get(BrokerConfigKeys.AUTO_CREATE_TOPIC_ENABLE));
        assertEquals("ext", broker.broker().config().get(BrokerConfigKeys.BROKER_NAME));
        assertEquals(0, EmbeddedBrokerTest.hello(broker.port()));
    }

    @Nested
    class NestedTests {
        @Test
        void shareTheEnclosingClassBroker(EmbeddedBroker broker) {
            assertSame(fromConstructor, broker);
        }
    }
}
