package io.ternmq.broker.remoting;

import io.ternmq.broker.store.AppendStatus;
import io.ternmq.broker.store.ReadStatus;
import io.ternmq.broker.topic.TopicCheck;
import io.ternmq.protocol.ErrorCode;
import io.ternmq.protocol.command.Pull;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

class ErrorMappingTest {
    @Test
    void everyAppendStatusMapsToTheErrorCodeOfTheSameName() {
        for (AppendStatus status : AppendStatus.values()) {
            ErrorCode expected = status == AppendStatus.PUT_OK ? ErrorCode.SUCCESS : ErrorCode.valueOf(status.name());
            assertEquals(expected, ErrorMapping.of(status), status.name());
        }
    }

    @Test
    void everyFailedTopicCheckIsAnError() {
        for (TopicCheck check : TopicCheck.values()) {
            if (check != TopicCheck.OK) {
                assertNotEquals(ErrorCode.SUCCESS, ErrorMapping.of(check));
                assertEquals(ErrorMapping.of(check), ErrorMapping.reply(check, "t", 1).error());
            }
        }
        assertEquals(ErrorCode.TOPIC_NOT_EXIST, ErrorMapping.of(TopicCheck.NOT_EXIST));
        assertEquals(ErrorCode.QUEUE_NOT_EXIST, ErrorMapping.of(TopicCheck.QUEUE_NOT_EXIST));
    }

    @Test
    void readStatusesMapToPullStatuses() {
        assertEquals(Pull.Status.FOUND, ErrorMapping.of(ReadStatus.FOUND, 3));
        assertEquals(Pull.Status.NO_NEW_MESSAGE, ErrorMapping.of(ReadStatus.NO_NEW_MESSAGE, 3));
        assertEquals(Pull.Status.NO_MATCHED_MESSAGE, ErrorMapping.of(ReadStatus.NO_MATCHED_MESSAGE, 3));
        assertEquals(Pull.Status.OFFSET_MOVED, ErrorMapping.of(ReadStatus.OFFSET_TOO_SMALL, 3));
        assertEquals(Pull.Status.OFFSET_MOVED, ErrorMapping.of(ReadStatus.OFFSET_OVERFLOW, 3));
        assertEquals(Pull.Status.NO_NEW_MESSAGE, ErrorMapping.of(ReadStatus.NO_SUCH_QUEUE, 0));
        assertEquals(Pull.Status.OFFSET_MOVED, ErrorMapping.of(ReadStatus.NO_SUCH_QUEUE, 5));
    }
}
