package io.ternmq.cli;

import io.ternmq.test.EmbeddedBroker;
import io.ternmq.test.EmbeddedMQ;
import org.junit.jupiter.api.Test;

import static io.ternmq.cli.CliRun.mqadmin;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@EmbeddedMQ
class TopicCommandsTest {

    @Test
    void updateTopicCreatesATopicThatTopicListAndTopicRouteShow(EmbeddedBroker broker) {
        CliRun created = mqadmin(broker.address(), "updateTopic", "-t", "Orders", "-q", "3");
        assertEquals(ExitCode.OK, created.exitCode(), created::toString);
        assertTrue(created.out().contains("created"), created::toString);

        CliRun list = mqadmin(broker.address(), "topicList");
        assertTrue(list.out().lines().anyMatch("Orders"::equals), list::toString);

        CliRun route = mqadmin(broker.address(), "-o", "json", "topicRoute", "-t", "Orders");
        assertEquals(ExitCode.OK, route.exitCode(), route::toString);
        assertEquals(3, route.jsonNumber("queueNums"));
        assertEquals("RW", route.jsonString("perm"));
    }

    @Test
    void updateTopicOnAnExistingTopicUpdatesItsQueueCountAndPermission(EmbeddedBroker broker) {
        assertEquals(ExitCode.OK, mqadmin(broker.address(), "updateTopic", "-t", "Resized", "-q", "2").exitCode());

        CliRun updated = mqadmin(broker.address(), "-o", "json", "updateTopic", "-t", "Resized", "-q", "4", "-p", "4");
        assertEquals("updated", updated.jsonString("result"), updated::toString);

        CliRun route = mqadmin(broker.address(), "-o", "json", "topicRoute", "-t", "Resized");
        assertEquals(4, route.jsonNumber("queueNums"), route::toString);
        assertEquals("R", route.jsonString("perm"));
    }

    @Test
    void deleteTopicRemovesItFromTheTopicList(EmbeddedBroker broker) {
        mqadmin(broker.address(), "updateTopic", "-t", "Doomed", "-q", "1");

        CliRun deleted = mqadmin(broker.address(), "deleteTopic", "-t", "Doomed");
        assertEquals(ExitCode.OK, deleted.exitCode(), deleted::toString);

        CliRun list = mqadmin(broker.address(), "topicList");
        assertFalse(list.out().lines().anyMatch("Doomed"::equals), list::toString);
    }

    @Test
    void topicStatusCountsTheMessagesOfEveryQueue(EmbeddedBroker broker) {
        mqadmin(broker.address(), "updateTopic", "-t", "Counted", "-q", "2");
        for (int i = 0; i < 3; i++) {
            CliRun sent = mqadmin(broker.address(), "sendMessage", "-t", "Counted", "-p", "m" + i);
            assertEquals(ExitCode.OK, sent.exitCode(), sent::toString);
        }

        CliRun status = mqadmin(broker.address(), "-o", "json", "topicStatus", "-t", "Counted");
        assertEquals(ExitCode.OK, status.exitCode(), status::toString);
        assertEquals(3, status.jsonNumber("totalMessages"), status::toString);
        assertEquals(2, status.jsonNumber("queues"));
    }

    @Test
    void aCommandOnAnUnknownTopicExitsWithBrokerError(EmbeddedBroker broker) {
        CliRun route = mqadmin(broker.address(), "topicStatus", "-t", "NoSuchTopic");
        assertEquals(ExitCode.BROKER_ERROR, route.exitCode(), route::toString);
        assertTrue(route.err().startsWith("error: "), route::toString);
        assertTrue(route.err().contains("NoSuchTopic"), route::toString);
    }

    @Test
    void brokerStatusPrintsTheBrokerFigures(EmbeddedBroker broker) {
        CliRun status = mqadmin(broker.address(), "brokerStatus");
        assertEquals(ExitCode.OK, status.exitCode(), status::toString);
        assertTrue(status.out().startsWith("brokerAddress:"), status::toString);
        assertTrue(status.out().contains(broker.address()), status::toString);
    }
}
