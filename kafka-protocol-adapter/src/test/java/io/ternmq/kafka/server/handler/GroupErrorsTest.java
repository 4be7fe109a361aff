package io.ternmq.kafka.server.handler;

import io.ternmq.kafka.group.GroupError;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class GroupErrorsTest {

    @Test
    void everyCoordinatorOutcomeKeepsItsKafkaCodeAndName() {
        for (GroupError error : GroupError.values()) {
            assertEquals(error.code(), GroupErrors.code(error), error.name());
            assertEquals(error.name(), GroupErrors.toKafka(error).name());
        }
    }
}
