package io.ternmq.client.e2e;

import io.ternmq.client.consumer.ConsumeOrderlyStatus;
import io.ternmq.client.consumer.MessageExt;
import io.ternmq.client.consumer.PushConsumer;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * An orderly consumer in its own JVM, so a test can kill it with SIGKILL mid-queue. Prints {@code OWNS <n>} when
 * its queue count changes, and {@code CALL <queueId> <offset> <body>} when a listener call starts (each message
 * takes {@code workMs}). Args: {@code address group topic workMs}.
 */
public final class OrderlyConsumerProcess {
    private OrderlyConsumerProcess() {
    }

    public static void main(String[] args) throws Exception {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        long workMs = Long.parseLong(args[3]);
        PushConsumer consumer = OrderlyConsumptionTest.orderlyConsumer(args[0], args[1], args[2]).build();
        consumer.registerOrderlyListener((msgs, ctx) -> {
            for (MessageExt m : msgs) {
                out.println("CALL " + m.queueId() + " " + m.queueOffset() + " " + m.bodyAsString());
                OrderlyConsumptionTest.sleep(workMs);
            }
            return ConsumeOrderlyStatus.SUCCESS;
        });
        consumer.start();
        int owned = -1;
        while (true) {
            int now = consumer.assignedQueues().size();
            if (now != owned) {
                owned = now;
                out.println("OWNS " + now);
            }
            Thread.sleep(20);
        }
    }
}
