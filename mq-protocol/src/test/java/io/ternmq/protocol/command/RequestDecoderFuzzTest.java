package io.ternmq.protocol.command;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.netty.buffer.Unpooled;
import io.ternmq.protocol.Frame;
import io.ternmq.protocol.Frames;
import io.ternmq.protocol.ProtocolVersion;
import io.ternmq.protocol.codec.MalformedFrameException;
import io.ternmq.protocol.testing.FuzzSeedFiles;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Arbitrary bytes as the body of each command's request: decoding may only succeed or throw
 * {@link MalformedFrameException}; anything else (IndexOutOfBounds, NegativeArraySize, OutOfMemoryError) is a
 * finding. One target per command so a fuzzing session can aim at one decoder:
 * {@code JAZZER_FUZZ=1 ./mvnw -pl mq-protocol test -Dtest='RequestDecoderFuzzTest#sendRequest'}. Without
 * {@code JAZZER_FUZZ} each target runs once per committed input under
 * {@code src/test/resources/io/ternmq/protocol/command/RequestDecoderFuzzTestInputs/<method>/}.
 */
class RequestDecoderFuzzTest {
    private static final String MAX_DURATION = "60s";

    static String targetName(Command<?, ?> command) {
        return FuzzSeedFiles.targetName(command);
    }

    @Test
    void everyCommandHasARequestFuzzTarget() throws NoSuchMethodException {
        List<String> missing = new ArrayList<>();
        for (Command<?, ?> command : Commands.all()) {
            try {
                Method target = getClass().getDeclaredMethod(targetName(command), byte[].class);
                assertTrue(target.isAnnotationPresent(FuzzTest.class), target + " is not a @FuzzTest");
            } catch (NoSuchMethodException e) {
                missing.add(targetName(command) + "(byte[]) for " + command);
            }
        }
        assertTrue(missing.isEmpty(), "add @FuzzTest methods to " + getClass().getSimpleName() + ": " + missing);
    }

    static void decodeRequest(Command<?, ?> command, byte[] body) {
        Frame frame = new Frame(command.code(), 0, ProtocolVersion.CURRENT, 1, 0, Unpooled.wrappedBuffer(body));
        try {
            BodyRoundTripTest.decodeRequest(command, frame);
        } catch (MalformedFrameException expected) {
            // the only allowed failure: the broker answers MALFORMED_REQUEST
        } finally {
            frame.release();
        }
    }

    /** Client side: a broker's response body is untrusted input too. The first byte picks the command. */
    @FuzzTest(maxDuration = MAX_DURATION)
    void anyResponse(FuzzedDataProvider data) {
        List<Command<?, ?>> commands = List.copyOf(Commands.all());
        Command<?, ?> command = commands.get(data.consumeInt(0, commands.size() - 1));
        Frame frame = new Frame(command.code(), Frame.FLAG_RESPONSE, ProtocolVersion.CURRENT, 1, 0,
                Unpooled.wrappedBuffer(data.consumeRemainingAsBytes()));
        try {
            BodyRoundTripTest.decodeResponse(command, frame);
        } catch (MalformedFrameException expected) {
            // the client fails the pending request with this
        } finally {
            frame.release();
        }
    }

    @FuzzTest(maxDuration = MAX_DURATION)
    void helloRequest(byte[] body) {
        decodeRequest(Commands.HELLO, body);
    }

    @FuzzTest(maxDuration = MAX_DURATION)
    void sendRequest(byte[] body) {
        decodeRequest(Commands.SEND, body);
    }

    @FuzzTest(maxDuration = MAX_DURATION)
    void sendMultiRequest(byte[] body) {
        decodeRequest(Commands.SEND_MULTI, body);
    }

    @FuzzTest(maxDuration = MAX_DURATION)
    void pullRequest(byte[] body) {
        decodeRequest(Commands.PULL, body);
    }

    @FuzzTest(maxDuration = MAX_DURATION)
    void queryConsumerOffsetRequest(byte[] body) {
        decodeRequest(Commands.QUERY_CONSUMER_OFFSET, body);
    }

    @FuzzTest(maxDuration = MAX_DURATION)
    void commitConsumerOffsetRequest(byte[] body) {
        decodeRequest(Commands.COMMIT_CONSUMER_OFFSET, body);
    }

    @FuzzTest(maxDuration = MAX_DURATION)
    void heartbeatRequest(byte[] body) {
        decodeRequest(Commands.HEARTBEAT, body);
    }

    @FuzzTest(maxDuration = MAX_DURATION)
    void unregisterClientRequest(byte[] body) {
        decodeRequest(Commands.UNREGISTER_CLIENT, body);
    }

    @FuzzTest(maxDuration = MAX_DURATION)
    void getConsumerListRequest(byte[] body) {
        decodeRequest(Commands.GET_CONSUMER_LIST, body);
    }

    @FuzzTest(maxDuration = MAX_DURATION)
    void notifyConsumerIdsChangedRequest(byte[] body) {
        decodeRequest(Commands.NOTIFY_CONSUMER_IDS_CHANGED, body);
    }

    @FuzzTest(maxDuration = MAX_DURATION)
    void searchOffsetRequest(byte[] body) {
        decodeRequest(Commands.SEARCH_OFFSET, body);
    }

    @FuzzTest(maxDuration = MAX_DURATION)
    void sendBackRequest(byte[] body) {
        decodeRequest(Commands.SEND_BACK, body);
    }

    @FuzzTest(maxDuration = MAX_DURATION)
    void resendDlqMessageRequest(byte[] body) {
        decodeRequest(Commands.RESEND_DLQ_MESSAGE, body);
    }

    @FuzzTest(maxDuration = MAX_DURATION)
    void createTopicRequest(byte[] body) {
        decodeRequest(Commands.CREATE_TOPIC, body);
    }

    @FuzzTest(maxDuration = MAX_DURATION)
    void deleteTopicRequest(byte[] body) {
        decodeRequest(Commands.DELETE_TOPIC, body);
    }

    @FuzzTest(maxDuration = MAX_DURATION)
    void listTopicsRequest(byte[] body) {
        decodeRequest(Commands.LIST_TOPICS, body);
    }

    @FuzzTest(maxDuration = MAX_DURATION)
    void topicRouteRequest(byte[] body) {
        decodeRequest(Commands.TOPIC_ROUTE, body);
    }

    @FuzzTest(maxDuration = MAX_DURATION)
    void queryMessageByKeyRequest(byte[] body) {
        decodeRequest(Commands.QUERY_MESSAGE_BY_KEY, body);
    }

    @FuzzTest(maxDuration = MAX_DURATION)
    void queryMessageByIdRequest(byte[] body) {
        decodeRequest(Commands.QUERY_MESSAGE_BY_ID, body);
    }

    @FuzzTest(maxDuration = MAX_DURATION)
    void queryMessageByTimeRequest(byte[] body) {
        decodeRequest(Commands.QUERY_MESSAGE_BY_TIME, body);
    }

    @FuzzTest(maxDuration = MAX_DURATION)
    void consumerProgressRequest(byte[] body) {
        decodeRequest(Commands.CONSUMER_PROGRESS, body);
    }

    @FuzzTest(maxDuration = MAX_DURATION)
    void listGroupsRequest(byte[] body) {
        decodeRequest(Commands.LIST_GROUPS, body);
    }

    @FuzzTest(maxDuration = MAX_DURATION)
    void updateSubscriptionGroupRequest(byte[] body) {
        decodeRequest(Commands.UPDATE_SUBSCRIPTION_GROUP, body);
    }

    @FuzzTest(maxDuration = MAX_DURATION)
    void brokerStatusRequest(byte[] body) {
        decodeRequest(Commands.BROKER_STATUS, body);
    }

    @FuzzTest(maxDuration = MAX_DURATION)
    void messageTraceRequest(byte[] body) {
        decodeRequest(Commands.MESSAGE_TRACE, body);
    }

    @FuzzTest(maxDuration = MAX_DURATION)
    void listTransactionsRequest(byte[] body) {
        decodeRequest(Commands.LIST_TRANSACTIONS, body);
    }

    @FuzzTest(maxDuration = MAX_DURATION)
    void lockQueuesRequest(byte[] body) {
        decodeRequest(Commands.LOCK_QUEUES, body);
    }

    @FuzzTest(maxDuration = MAX_DURATION)
    void unlockQueuesRequest(byte[] body) {
        decodeRequest(Commands.UNLOCK_QUEUES, body);
    }

    @FuzzTest(maxDuration = MAX_DURATION)
    void endTxRequest(byte[] body) {
        decodeRequest(Commands.END_TX, body);
    }

    @FuzzTest(maxDuration = MAX_DURATION)
    void checkTxRequest(byte[] body) {
        decodeRequest(Commands.CHECK_TX, body);
    }
}
